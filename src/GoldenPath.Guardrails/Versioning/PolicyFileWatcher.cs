namespace GoldenPath.Guardrails;

/// <summary>
/// Watches <see cref="GuardrailOptions.PolicyPath"/> and <see cref="GuardrailOptions.PoliciesDirectory"/> and calls
/// <see cref="GuardrailPolicyStore.Reload"/> shortly after they change, so a new policy file applies without a restart.
/// </summary>
/// <remarks>
/// Editors and deploy tools write a file in several steps (truncate, write, rename), each raising an event. Events
/// are coalesced for <see cref="Debounce"/> before reloading; a file caught half-written is simply rejected and the
/// next event loads the finished one, while the last-known-good version stays active in between.
/// </remarks>
public sealed class PolicyFileWatcher : IDisposable
{
    private readonly GuardrailPolicyStore _store;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private int _disposed;

    /// <param name="store">The store to reload.</param>
    /// <param name="policyPath">The file whose version is active; null when none.</param>
    /// <param name="policiesDirectory">The directory of versions that can be activated; null when none.</param>
    /// <param name="debounce">How long to wait after the last change before reloading; 250 ms when null.</param>
    public PolicyFileWatcher(GuardrailPolicyStore store, string? policyPath, string? policiesDirectory, TimeSpan? debounce = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Debounce = debounce ?? TimeSpan.FromMilliseconds(250);
        _timer = new Timer(_ => ReloadNow(), null, Timeout.Infinite, Timeout.Infinite);

        if (!string.IsNullOrWhiteSpace(policyPath))
        {
            var full = Path.GetFullPath(policyPath);
            Watch(Path.GetDirectoryName(full)!, Path.GetFileName(full));
        }

        if (!string.IsNullOrWhiteSpace(policiesDirectory) && Directory.Exists(policiesDirectory))
        {
            Watch(Path.GetFullPath(policiesDirectory), "*.json");
        }
    }

    /// <summary>Raised after every reload the watcher triggered, including rejected ones, on a thread-pool thread.</summary>
    public event EventHandler<PolicyReloadResult>? Reloaded;

    public TimeSpan Debounce { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }

    private void Watch(string directory, string filter)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var watcher = new FileSystemWatcher(directory, filter)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReloadNow()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var result = _store.Reload();
        if (result.Status != PolicyReloadStatus.Unchanged)
        {
            Reloaded?.Invoke(this, result);
        }
    }
}
