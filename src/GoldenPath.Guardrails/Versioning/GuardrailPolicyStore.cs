using System.Collections.ObjectModel;
using System.Security.Cryptography;

namespace GoldenPath.Guardrails;

/// <summary>
/// Every policy version a process knows, which one is active, and the history of activations, so a policy can be
/// changed or rolled back at run time without a redeploy and every change can be traced.
/// </summary>
/// <remarks>
/// <para>
/// At construction the store loads the embedded default policy, then every <c>*.json</c> file in
/// <see cref="GuardrailOptions.PoliciesDirectory"/> in ordinal file-name order, then
/// <see cref="GuardrailOptions.PolicyPath"/>. The active version at startup is the one in
/// <see cref="GuardrailOptions.PolicyPath"/> when it is set, otherwise the embedded default; files in the directory
/// are only made available. Picking "the newest" file instead would depend on free-form version strings or file
/// times, and would let copying a file change production rails without anyone activating it.
/// </para>
/// <para>
/// The active engine is published as one reference, so a reader sees either the old version or the new one,
/// never a mix. Callers that evaluate several texts for one request should read <see cref="Current"/> once.
/// </para>
/// </remarks>
public sealed class GuardrailPolicyStore
{
    /// <summary>The actor recorded for the activation made when the store is built.</summary>
    public const string StartupActor = "startup";

    /// <summary>The <see cref="PolicyVersion.Source"/> of the policy embedded in this package.</summary>
    public const string EmbeddedSource = "embedded:default.policy.json";

    private const string DirectoryFix =
        "Fix or remove the file, or point GoldenPath:Guardrails:PoliciesDirectory at a directory that holds only policy files.";

    private readonly GuardrailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredPolicy> _byId = new(StringComparer.Ordinal);

    // Versions that were active, oldest first; the last one is active. Rollback pops it.
    private readonly List<StoredPolicy> _rollbackStack = [];

    // What each file contributed at the last (re)load, so a reload only acts on files that actually changed and a
    // touched-but-unchanged PolicyPath never overrides a version an operator activated since.
    private readonly Dictionary<string, string> _fileHashes = new(StringComparer.Ordinal);
    private readonly Lock _reloadGate = new();

    private LiveVersion _live;
    // Replaced, never mutated, so readers need no lock; read-only wrappers so a caller cannot cast and write.
    private ReadOnlyCollection<PolicyVersion> _versions = ReadOnlyCollection<PolicyVersion>.Empty;
    private ReadOnlyCollection<PolicyActivation> _history = ReadOnlyCollection<PolicyActivation>.Empty;

    /// <exception cref="GuardrailPolicyException">A policy file is missing, unreadable, invalid, or reuses a loaded version id for different content.</exception>
    /// <exception cref="ArgumentException">The canary in <paramref name="options"/> is too short to be safe.</exception>
    public GuardrailPolicyStore(GuardrailOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;

        var embedded = GuardrailPolicy.ReadDefaultBytes();
        var initial = AddCore(embedded, EmbeddedSource, Hash(embedded));
        var reason = "The embedded default policy is active at startup.";

        if (!string.IsNullOrWhiteSpace(options.PoliciesDirectory))
        {
            foreach (var path in PolicyFiles(options.PoliciesDirectory))
            {
                LoadFile(path, DirectoryFix, onlyIfChanged: false);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PolicyPath))
        {
            initial = LoadFile(options.PolicyPath, GuardrailPolicy.PolicyPathFix, onlyIfChanged: false)!;
            reason = "GoldenPath:Guardrails:PolicyPath names the policy active at startup.";
        }

        var engine = EngineFor(initial);
        var activation = new PolicyActivation(initial.Version.Id, StartupActor, reason, _timeProvider.GetUtcNow(), PreviousVersionId: null);
        _rollbackStack.Add(initial);
        _history = Array.AsReadOnly([activation]);
        _live = new LiveVersion(initial.Version, engine);
    }

    /// <summary>Raised after a version has become active (not for the activation made at startup).</summary>
    /// <remarks>Handlers run synchronously on the thread that activated; by then evaluations already use the new version.</remarks>
    public event EventHandler<PolicyActivation>? Activated;

    /// <summary>The engine for the active version. Read it once per request so every verdict of the request carries one version.</summary>
    public GuardrailEngine Current => Volatile.Read(ref _live).Engine;

    public PolicyVersion Active => Volatile.Read(ref _live).Version;

    /// <summary>Every loaded version, in load order.</summary>
    public IReadOnlyList<PolicyVersion> Versions => Volatile.Read(ref _versions);

    /// <summary>Every activation, oldest first, starting with the one made at startup.</summary>
    public IReadOnlyList<PolicyActivation> History => Volatile.Read(ref _history);

    /// <summary>Validates a policy document and makes it available for activation (it does not activate it).</summary>
    /// <param name="json">The policy document.</param>
    /// <param name="source">Where the document came from, used in <see cref="PolicyVersion.Source"/> and error messages.</param>
    /// <returns>The new version, or the existing one when the same content was already loaded under its id.</returns>
    /// <exception cref="GuardrailPolicyException">
    /// The document is not a valid policy, or its version id is already loaded with different content. Nothing is changed.
    /// </exception>
    public PolicyVersion Add(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var document = System.Text.Encoding.UTF8.GetBytes(json);
        return AddCore(document, source, Hash(document)).Version;
    }

    /// <summary>Makes a loaded version the active one; the next evaluation uses it.</summary>
    /// <remarks>Activating the version that is already active is recorded in <see cref="History"/> but does not add a rollback step.</remarks>
    /// <exception cref="KeyNotFoundException">No version with <paramref name="versionId"/> is loaded.</exception>
    public PolicyActivation Activate(string versionId, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(reason);

        PolicyActivation activation;
        lock (_gate)
        {
            if (!_byId.TryGetValue(versionId, out var target))
            {
                throw new KeyNotFoundException(
                    $"No guardrail policy version \"{versionId}\" is loaded. Loaded versions: {string.Join(", ", _versions.Select(v => $"\"{v.Id}\""))}. " +
                    "Add the policy first (a file in GoldenPath:Guardrails:PoliciesDirectory, or GuardrailPolicyStore.Add).");
            }

            if (!ReferenceEquals(target, _rollbackStack[^1]))
            {
                _rollbackStack.Add(target);
            }

            activation = Publish(target, actor, reason);
        }

        Activated?.Invoke(this, activation);
        return activation;
    }

    /// <summary>Returns to the version that was active before the current one; repeated calls keep stepping back.</summary>
    /// <exception cref="InvalidOperationException">The active version is the first one of the process, so there is nothing to return to.</exception>
    public PolicyActivation Rollback(string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(reason);

        PolicyActivation activation;
        lock (_gate)
        {
            if (_rollbackStack.Count < 2)
            {
                throw new InvalidOperationException(
                    $"There is no earlier guardrail policy version to roll back to: \"{_live.Version.Id}\" is the first version active in this process " +
                    "(any later activations were already rolled back). Activate a specific version instead.");
            }

            _rollbackStack.RemoveAt(_rollbackStack.Count - 1);
            activation = Publish(_rollbackStack[^1], actor, reason);
        }

        Activated?.Invoke(this, activation);
        return activation;
    }

    /// <summary>The actor recorded for activations made by <see cref="Reload"/>.</summary>
    public const string ReloadActor = "policy-file";

    /// <summary>The last reload that rejected a file, or null; cleared by the next successful reload.</summary>
    public PolicyReloadResult? LastRejectedReload { get; private set; }

    /// <summary>
    /// Re-reads the policy files: new files in <see cref="GuardrailOptions.PoliciesDirectory"/> become available, and a
    /// changed <see cref="GuardrailOptions.PolicyPath"/> is loaded and activated. Never throws for a bad file: a broken
    /// or conflicting file is reported in the result with its line and fix, and the last-known-good version stays
    /// active. A policy is validated completely before anything changes, so it is never half applied.
    /// </summary>
    public PolicyReloadResult Reload()
    {
        lock (_reloadGate)
        {
            List<GuardrailPolicyException> errors = [];
            var added = false;

            if (!string.IsNullOrWhiteSpace(_options.PoliciesDirectory) && Directory.Exists(_options.PoliciesDirectory))
            {
                foreach (var path in PolicyFiles(_options.PoliciesDirectory))
                {
                    added |= TryLoadChanged(path, DirectoryFix, errors) is not null;
                }
            }

            PolicyActivation? activation = null;
            if (!string.IsNullOrWhiteSpace(_options.PolicyPath)
                && TryLoadChanged(_options.PolicyPath, GuardrailPolicy.PolicyPathFix, errors) is { } changed
                && !string.Equals(changed.Version.Id, Active.Id, StringComparison.Ordinal))
            {
                activation = Activate(changed.Version.Id, ReloadActor, $"{_options.PolicyPath} changed on disk.");
            }

            var status = errors.Count > 0 ? PolicyReloadStatus.Rejected
                : activation is not null ? PolicyReloadStatus.Activated
                : added ? PolicyReloadStatus.Added
                : PolicyReloadStatus.Unchanged;
            var result = new PolicyReloadResult(status, Active, errors);
            if (status == PolicyReloadStatus.Rejected)
            {
                LastRejectedReload = result;
            }
            else if (status != PolicyReloadStatus.Unchanged)
            {
                LastRejectedReload = null;
            }

            return result;
        }
    }

    /// <summary>Loads a file whose bytes differ from the last ones seen; null when unchanged or rejected.</summary>
    private StoredPolicy? TryLoadChanged(string path, string fix, List<GuardrailPolicyException> errors)
    {
        try
        {
            return LoadFile(path, fix, onlyIfChanged: true);
        }
        catch (GuardrailPolicyException ex)
        {
            errors.Add(ex);
            return null;
        }
    }

    /// <summary>
    /// Reads, validates and adds a policy file, and remembers its bytes' hash so a later reload can tell whether it
    /// changed; null when <paramref name="onlyIfChanged"/> and the bytes are the ones seen last.
    /// </summary>
    /// <exception cref="GuardrailPolicyException">The file is unreadable or not a valid policy.</exception>
    private StoredPolicy? LoadFile(string path, string fix, bool onlyIfChanged)
    {
        var bytes = GuardrailPolicy.ReadFile(path, fix);
        var hash = Hash(bytes);
        if (onlyIfChanged && _fileHashes.TryGetValue(path, out var seen) && string.Equals(seen, hash, StringComparison.Ordinal))
        {
            return null;
        }

        var stored = AddCore(bytes, path, hash);
        _fileHashes[path] = hash;
        return stored;
    }

    private static string Hash(byte[] document) => Convert.ToHexStringLower(SHA256.HashData(document));

    /// <summary>Swaps the live engine and records the activation. Called under the lock.</summary>
    private PolicyActivation Publish(StoredPolicy target, string actor, string reason)
    {
        // Build first: if building fails, nothing has changed.
        var engine = EngineFor(target);
        var activation = new PolicyActivation(target.Version.Id, actor, reason, _timeProvider.GetUtcNow(), _live.Version.Id);
        Volatile.Write(ref _live, new LiveVersion(target.Version, engine));
        Volatile.Write(ref _history, Array.AsReadOnly<PolicyActivation>([.. _history, activation]));
        return activation;
    }

    private StoredPolicy AddCore(byte[] document, string source, string hash)
    {
        // Parse outside the lock: a large or broken document must not hold up activations.
        var policy = PolicyReader.Read(document, source);

        lock (_gate)
        {
            if (_byId.TryGetValue(policy.Version, out var existing))
            {
                if (string.Equals(existing.Version.ContentHash, hash, StringComparison.Ordinal))
                {
                    return existing;
                }

                throw new GuardrailPolicyException(
                    source,
                    policy.VersionLine,
                    $"Version \"{policy.Version}\" is already loaded from {existing.Version.Source} with different content; a version id always names one policy.",
                    "Give this policy a new \"version\" (bump it on every change), or make the two documents identical.");
            }

            var stored = new StoredPolicy(new PolicyVersion(policy.Version, hash, source, _timeProvider.GetUtcNow()), policy);
            _byId.Add(policy.Version, stored);
            Volatile.Write(ref _versions, Array.AsReadOnly<PolicyVersion>([.. _versions, stored.Version]));
            return stored;
        }
    }

    /// <summary>Engines are built once per version, so a rollback is as cheap as a pointer swap.</summary>
    private GuardrailEngine EngineFor(StoredPolicy stored) => stored.Engine ??= new GuardrailEngine(stored.Policy, _options);

    private static IEnumerable<string> PolicyFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new GuardrailPolicyException(
                directory,
                line: null,
                "The policies directory does not exist.",
                "Create it, correct GoldenPath:Guardrails:PoliciesDirectory, or remove the setting.");
        }

        return Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(path => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    private sealed class StoredPolicy(PolicyVersion version, GuardrailPolicy policy)
    {
        public PolicyVersion Version { get; } = version;

        public GuardrailPolicy Policy { get; } = policy;

        public GuardrailEngine? Engine { get; set; }
    }

    private sealed record LiveVersion(PolicyVersion Version, GuardrailEngine Engine);
}
