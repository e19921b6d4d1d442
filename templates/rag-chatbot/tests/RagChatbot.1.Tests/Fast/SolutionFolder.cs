namespace RagChatbot._1.Tests.Fast;

/// <summary>Finds a folder of the solution (such as <c>fast/</c>) from the test's output directory.</summary>
internal static class SolutionFolder
{
    public static string Find(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No '{name}' folder above {AppContext.BaseDirectory}; the security tests read their gate and cases from it.");
    }
}
