using System.CommandLine;
using System.CommandLine.Invocation;

namespace GoldenPath.Cli.Commands;

/// <summary>
/// Runs <c>fast run</c> even when parsing failed, so that bad arguments exit with the command's own usage code (2)
/// instead of the parser's generic 1, which CI would mistake for a failed gate.
/// </summary>
internal sealed class FastRunAction(Func<ParseResult, CancellationToken, Task<int>> run) : AsynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken) => run(parseResult, cancellationToken);
}
