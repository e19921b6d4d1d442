using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RagChatbot._1.Tests.Guardrails;

/// <summary>
/// The real API on Kestrel (127.0.0.1, a free port) with a <see cref="ScriptedModel"/> in place of the model. Only the
/// model is replaced: authentication, limits, retrieval and every guardrail around the model run as in production.
/// </summary>
public sealed class ScriptedModelApi : IAsyncDisposable
{
    private readonly ApiFactory _api = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ScriptedModelApi()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration on top of <see cref="ApiFactory"/>'s, e.g. another policy file.</param>
    internal ScriptedModelApi(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            _api.Settings[key] = value;
        }

        _factory = _api.WithModel(Model);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
    }

    internal ScriptedModel Model { get; } = new();

    public IServiceProvider Services => _factory.Services;

    internal HttpClient CreateClient(DemoUser user)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(user));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
    }
}
