using System.Net.Sockets;

/// <summary>Finds out, quickly and without the docker CLI, whether a container engine is answering.</summary>
internal static class ContainerEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public static bool IsReachable()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost) && Uri.TryCreate(dockerHost, UriKind.Absolute, out var uri))
        {
            return uri.Scheme switch
            {
                "unix" => CanConnect(new UnixDomainSocketEndPoint(uri.AbsolutePath)),
                "tcp" => CanConnect(uri.Host, uri.Port),
                _ => false,
            };
        }

        var runtimeDirectory = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            runtimeDirectory is null ? null : Path.Combine(runtimeDirectory, "docker.sock"),
            runtimeDirectory is null ? null : Path.Combine(runtimeDirectory, "podman", "podman.sock"),
        ];
        return sockets.Any(path => path is not null && File.Exists(path) && CanConnect(new UnixDomainSocketEndPoint(path)));
    }

    private static bool CanConnect(UnixDomainSocketEndPoint endpoint)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        return TryConnect(socket, endpoint);
    }

    private static bool CanConnect(string host, int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        return TryConnect(socket, new System.Net.DnsEndPoint(host, port));
    }

    private static bool TryConnect(Socket socket, System.Net.EndPoint endpoint)
    {
        try
        {
            return socket.ConnectAsync(endpoint).Wait(ProbeTimeout);
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
