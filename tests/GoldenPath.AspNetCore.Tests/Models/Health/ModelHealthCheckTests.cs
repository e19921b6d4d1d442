using System.Net;
using System.Net.Sockets;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Tests.Models.Health;

public sealed class ModelHealthCheckTests
{
    private const string CheckName = "goldenpath-model";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineModelIsAlwaysHealthyAndTheCheckGatesReadinessOnly()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings());

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("offline model", entry.Description);
        var registration = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == CheckName);
        Assert.Contains("ready", registration.Tags);
        Assert.DoesNotContain("live", registration.Tags);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task ReachableEndpointThatAcceptsTheKeyIsHealthy(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, provider);

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(stub.EndpointFor(provider).AbsolutePath + "models", request.Path);
        Assert.Equal($"Bearer {ModelTestHost.ApiKey}", request.Authorization);
        Assert.DoesNotContain(ModelTestHost.ApiKey, entry.Description);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task RejectedKeyIsDegradedAndSaysSoWithoutTheKey(int status)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(status));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("rejected the API key", entry.Description);
        Assert.Contains("GoldenPath:Model:ApiKey", entry.Description);
        Assert.DoesNotContain(ModelTestHost.ApiKey, entry.Description);
        Assert.DoesNotContain(entry.Data.Values, v => v.ToString()!.Contains(ModelTestHost.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerErrorIsUnhealthyWithoutRetrying()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(503));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("503", entry.Description);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ClosedPortIsUnhealthy()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/v1/");
        await using var app = await GoldenPathTestHost.StartAsync("Production", ModelTestHost.Settings(endpoint, "OpenAI"));

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("unreachable", entry.Description);
        Assert.DoesNotContain(ModelTestHost.ApiKey, entry.Description);
    }

    [Fact]
    public async Task SilentEndpointIsUnhealthyWithinTheProbeTimeout()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Delay(TimeSpan.FromSeconds(10)));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s => s["GoldenPath:Model:HealthCheckTimeout"] = "00:00:00.300");

        var entry = await CheckAsync(app);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("did not answer", entry.Description);
        Assert.InRange(entry.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static async Task<HealthReportEntry> CheckAsync(WebApplication app)
    {
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == CheckName, Cancellation);
        return report.Entries[CheckName];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
