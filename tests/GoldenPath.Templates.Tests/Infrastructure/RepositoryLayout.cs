using System.Reflection;

namespace GoldenPath.Templates.Tests.Infrastructure;

/// <summary>Where the repository under test lives, stamped into the assembly at build time.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!);

    public static string Templates => Path.Combine(Root, "templates");

    public static IEnumerable<string> TemplateDirectories() =>
        Directory.EnumerateDirectories(Templates)
            .Where(dir => File.Exists(Path.Combine(dir, ".template.config", "template.json")))
            .Order(StringComparer.Ordinal);
}
