using GoldenPath.AspNetCore.Fast;
using GoldenPath.Fast;

namespace RagChatbot._1.Tests.Fast;

/// <summary>
/// The real API in memory, set up the way a security scan needs it: the canary-planting hook on (it only exists in
/// Development and Testing), the model chosen by the <see cref="ScanMode"/>, and the per-user limits raised so that no
/// attack is turned away by a rate limit and counted as deflected when no control stopped it.
/// </summary>
internal sealed class FastApi : IAsyncDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly ApiFactory _api = new();

    public FastApi(ScanMode mode, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _api.Settings["GoldenPath:Model:Provider"] = mode.Provider;
        _api.Settings["GoldenPath:Fast:Hooks:Enabled"] = "true";
        _api.Settings["GoldenPath:RateLimits:PerUser"] = "1000000";
        _api.Settings["GoldenPath:RateLimits:PerAddress"] = "1000000";
        _api.Settings["GoldenPath:TokenBudget:TokensPerWindow"] = "1000000000";

        // Planted documents must reach the index, or a restricted-document case would test the ingestion screen (which
        // quarantines anything holding a secret-looking canary) instead of access control. The screen has its own tests.
        _api.Settings["GoldenPath:Retrieval:SuspiciousChunks"] = "Flag";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _api.Settings[key] = value;
        }
    }

    /// <summary>The identity attacks are sent as: an ordinary employee outside hr, executives and facilities.</summary>
    public static DemoUser Attacker => DemoUser.Bob;

    /// <summary>The only identity the planting hook accepts.</summary>
    public static DemoUser Operator { get; } = new("fast-scanner", [], [FastHookExtensions.OperatorPolicy]);

    /// <summary>Sends attacks as <see cref="Attacker"/>; documents are planted through the hook as <see cref="Operator"/>.</summary>
    public PlantingHttpChatTarget CreateTarget() =>
        new HttpChatTarget(_api.CreateClient(), TestTokens.Create(Attacker, TokenLifetime))
            .WithPlanting(TestTokens.Create(Operator, TokenLifetime));

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
