namespace GoldenPath.Guardrails;

/// <summary>One allowed tool of the policy catalog.</summary>
public sealed class ToolDefinition
{
    /// <summary>The role that stands for any authenticated caller (one who has at least one role).</summary>
    public const string AnyRole = "*";

    internal ToolDefinition(string name, IReadOnlyList<string> roles, bool requiresApproval, ToolArgumentSchema arguments)
    {
        Name = name;
        Roles = roles;
        RequiresApproval = requiresApproval;
        Arguments = arguments;
    }

    public string Name { get; }

    /// <summary>Roles that may call the tool; <see cref="AnyRole"/> admits any caller with at least one role.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The tool is never run on the model's request: each call waits in an approval queue for a person.</summary>
    public bool RequiresApproval { get; }

    internal ToolArgumentSchema Arguments { get; }

    internal bool Admits(IReadOnlyList<string> callerRoles)
    {
        if (callerRoles.Count == 0)
        {
            // Deny by default: a caller without any role is treated as anonymous, and "*" means authenticated.
            return false;
        }

        foreach (var role in Roles)
        {
            if (role == AnyRole || callerRoles.Contains(role, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
