using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Limits;

/// <summary>
/// Per-user token spending in fixed windows, held in memory. Each instance of a scaled-out service keeps its own
/// count, so the effective budget is per instance; a shared store replaces this class where that matters.
/// </summary>
public sealed class TokenBudget(IOptions<TokenBudgetOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <summary>Reserves <paramref name="tokens"/> for <paramref name="userKey"/>, or says how long until the window resets.</summary>
    public bool TryConsume(string userKey, int tokens, out TimeSpan retryAfter)
    {
        var now = timeProvider.GetUtcNow();
        var window = options.Value.Window;
        var account = _accounts.GetOrAdd(userKey, _ => new Account(now));
        lock (account)
        {
            account.Roll(now, window);
            if (account.Spent + tokens > options.Value.TokensPerWindow)
            {
                retryAfter = account.WindowStart + window - now;
                return false;
            }

            account.Spent += tokens;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Records tokens already spent (the answer), even if that takes the account past its budget.</summary>
    public void Record(string userKey, int tokens)
    {
        var now = timeProvider.GetUtcNow();
        var account = _accounts.GetOrAdd(userKey, _ => new Account(now));
        lock (account)
        {
            account.Roll(now, options.Value.Window);
            account.Spent += tokens;
        }
    }

    public long Spent(string userKey) => _accounts.TryGetValue(userKey, out var account) ? account.Spent : 0;

    private sealed class Account(DateTimeOffset start)
    {
        public DateTimeOffset WindowStart { get; private set; } = start;

        public long Spent { get; set; }

        public void Roll(DateTimeOffset now, TimeSpan window)
        {
            if (now - WindowStart >= window)
            {
                WindowStart = now;
                Spent = 0;
            }
        }
    }
}
