namespace RagChatbot._1.Tests.Fast;

/// <summary>The scan-only parts of the app must never run in production, even when configuration asks for them.</summary>
public sealed class SimulatorStartupTests
{
    [Fact]
    public async Task ProductionRefusesToStartWithTheCompromisedModelSimulator()
    {
        var log = new StartupErrorLog();
        await using var factory = new ApiFactory
        {
            EnvironmentName = "Production",
            Settings = { ["GoldenPath:Model:Provider"] = ScanMode.AssumeBreach.Provider },
            Logs = log,
        };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("'CompromisedSimulator' in the 'Production' environment", error + log.Text);
    }

    [Fact]
    public async Task ProductionRefusesToStartWithTheCanaryPlantingHook()
    {
        var log = new StartupErrorLog();
        await using var factory = new ApiFactory
        {
            EnvironmentName = "Production",
            Settings = { ["GoldenPath:Fast:Hooks:Enabled"] = "true" },
            Logs = log,
        };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("GoldenPath:Fast:Hooks:Enabled is true in the 'Production' environment", error + log.Text);
    }

    [Fact]
    public async Task WithoutTheSettingThereIsNoPlantingEndpoint()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient(FastApi.Operator);

        using var response = await client.PostAsync("/fast/plant", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
