using System.Net;
using System.Net.Sockets;

namespace GoldenPath.Fast.Tests.Support;

internal static class ClosedPort
{
    /// <summary>A loopback URL whose port was just bound and released, so nothing listens there.</summary>
    public static Uri Create()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
