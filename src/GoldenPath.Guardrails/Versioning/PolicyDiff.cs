using System.Collections;
using System.Globalization;
using System.Reflection;

namespace GoldenPath.Guardrails;

/// <summary>One setting that differs between two policies.</summary>
/// <param name="Path">The setting, such as <c>promptInjection.mode</c> or <c>deniedTopics.topics[0].name</c>.</param>
/// <param name="Before">Its value in the first policy; null when the first policy has no such setting.</param>
/// <param name="After">Its value in the second policy; null when the second policy has no such setting.</param>
public sealed record PolicySettingChange(string Path, string? Before, string? After);

/// <summary>
/// Compares two policies setting by setting, defaults included, so a reviewer sees what a new version changes in
/// effect, not just which lines of the file moved.
/// </summary>
public static class PolicyDiff
{
    /// <summary>The effective settings that differ, in a stable order; empty when the two policies behave the same.</summary>
    public static IReadOnlyList<PolicySettingChange> Compare(GuardrailPolicy before, GuardrailPolicy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var left = Flatten(before);
        var right = Flatten(after);
        List<PolicySettingChange> changes = [];
        foreach (var path in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var a = left.GetValueOrDefault(path);
            var b = right.GetValueOrDefault(path);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new PolicySettingChange(path, a, b));
            }
        }

        return changes;
    }

    /// <summary>Every effective setting as path → value, read from the policy's public settings.</summary>
    internal static SortedDictionary<string, string> Flatten(GuardrailPolicy policy)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in PublicProperties(typeof(GuardrailPolicy)))
        {
            if (property.Name != nameof(GuardrailPolicy.Version))
            {
                Add(settings, CamelCase(property.Name), property.GetValue(policy), depth: 0);
            }
        }

        return settings;
    }

    private static void Add(SortedDictionary<string, string> settings, string path, object? value, int depth)
    {
        switch (value)
        {
            case null:
                settings[path] = "null";
                return;
            case string or bool or Enum or int or long or double or float or decimal or TimeSpan:
                settings[path] = Format(value);
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Add(settings, $"{path}.{entry.Key}", entry.Value, depth + 1);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Add(settings, $"{path}[{index++}]", item, depth + 1);
                }

                if (index == 0)
                {
                    settings[path] = "[]";
                }

                return;
        }

        // Settings are small records; the bound only guards against a cycle introduced by mistake.
        if (depth > 8)
        {
            settings[path] = value.ToString() ?? string.Empty;
            return;
        }

        foreach (var property in PublicProperties(value.GetType()))
        {
            Add(settings, $"{path}.{CamelCase(property.Name)}", property.GetValue(value), depth + 1);
        }
    }

    private static IEnumerable<PropertyInfo> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static string Format(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        Enum e => CamelCase(e.ToString()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
