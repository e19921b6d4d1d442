using GoldenPath.AspNetCore.Models;
using GoldenPath.AspNetCore.Tests.Identity;

namespace GoldenPath.AspNetCore.Tests.Models;

public sealed class ModelProviderOptionsValidatorTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        Assert.True(new ModelProviderOptionsValidator().Validate(null, new ModelProviderOptions()).Succeeded);
    }

    [Theory]
    [InlineData("MaxRetryAttempts", "11")]
    [InlineData("MaxRetryAttempts", "-1")]
    [InlineData("CircuitBreakerFailureRatio", "0")]
    [InlineData("CircuitBreakerFailureRatio", "1.5")]
    [InlineData("CircuitBreakerMinimumThroughput", "1")]
    [InlineData("CircuitBreakerSamplingDuration", "00:00:00.100")]
    [InlineData("CircuitBreakerBreakDuration", "00:00:00.100")]
    [InlineData("MaxRetryDelay", "00:00:00")]
    public async Task BadResilienceSettingStopsStartupNamingIt(string setting, string value)
    {
        var settings = TestTokens.SharedKeySettings();
        settings[$"GoldenPath:Model:Resilience:{setting}"] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GoldenPathTestHost.StartAsync("Production", settings));

        Assert.Contains($"GoldenPath:Model:Resilience:{setting}", error.Message);
    }

    [Fact]
    public void TotalTimeoutShorterThanOneAttemptIsRejected()
    {
        var options = new ModelProviderOptions { Timeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(10) };

        var result = new ModelProviderOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("GoldenPath:Model:TotalTimeout", result.FailureMessage);
        Assert.Contains("GoldenPath:Model:Timeout", result.FailureMessage);
    }

    [Fact]
    public void TooShortAttemptTimeoutIsRejected()
    {
        var result = new ModelProviderOptionsValidator().Validate(null, new ModelProviderOptions { Timeout = TimeSpan.Zero });

        Assert.Contains("GoldenPath:Model:Timeout must be at least", result.FailureMessage);
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI, 60)]
    [InlineData(ModelProvider.AzureOpenAI, 60)]
    [InlineData(ModelProvider.Ollama, 100)]
    public void AttemptTimeoutDefaultSuitsTheProvider(ModelProvider provider, int seconds)
    {
        var options = new ModelProviderOptions { Provider = provider };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(seconds * 3), options.EffectiveTotalTimeout);
    }
}
