using GoldenPath.Guardrails;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Guardrails;

/// <summary>What a policy reload did, for operators: a rejected file is an error with its file, line and fix.</summary>
internal static partial class PolicyReloadLog
{
    public static void Write(ILogger logger, PolicyReloadResult result)
    {
        switch (result.Status)
        {
            case PolicyReloadStatus.Activated:
                Activated(logger, result.Active.Id, result.Active.Source, result.Active.ContentHash);
                break;
            case PolicyReloadStatus.Added:
                Added(logger, result.Active.Id);
                break;
            case PolicyReloadStatus.Rejected:
                foreach (var error in result.Errors)
                {
                    Rejected(logger, error.Message, result.Active.Id);
                }

                break;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Guardrail policy {VersionId} from {Source} (sha256 {ContentHash}) is now active: the file changed on disk.")]
    private static partial void Activated(ILogger logger, string versionId, string source, string contentHash);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "New guardrail policy versions were loaded and can be activated; {VersionId} stays active.")]
    private static partial void Added(ILogger logger, string versionId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "A guardrail policy file was rejected and {VersionId} stays active: {Problem}")]
    private static partial void Rejected(ILogger logger, string problem, string versionId);
}
