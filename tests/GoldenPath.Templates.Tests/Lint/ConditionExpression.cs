using System.Text.RegularExpressions;

namespace GoldenPath.Templates.Tests.Lint;

/// <summary>Checks a template condition: balanced, made of known tokens, naming only defined symbols.</summary>
internal static partial class ConditionExpression
{
    public static IEnumerable<string> Problems(string expression, IReadOnlySet<string> symbols)
    {
        var depth = 0;
        var expectOperand = true;
        foreach (Match token in Token().Matches(expression))
        {
            var text = token.Value;
            if (token.Groups["ws"].Success)
            {
                continue;
            }

            if (token.Groups["bad"].Success)
            {
                yield return $"unexpected '{text}' in condition '{expression}'";
                continue;
            }

            if (text == "(") { depth++; continue; }
            if (text == ")")
            {
                if (--depth < 0) { yield return $"unbalanced ')' in condition '{expression}'"; depth = 0; }
                continue;
            }

            if (token.Groups["ident"].Success)
            {
                if (text is not ("true" or "false") && !symbols.Contains(text))
                {
                    yield return $"condition '{expression}' names '{text}', which is not a defined symbol";
                }

                expectOperand = false;
            }
            else if (token.Groups["op"].Success)
            {
                expectOperand = text != "!" || expectOperand;
            }
            else
            {
                expectOperand = false;
            }
        }

        if (depth != 0)
        {
            yield return $"unbalanced '(' in condition '{expression}'";
        }

        if (expectOperand && expression.Trim().Length > 0 && !expression.TrimEnd().EndsWith(')'))
        {
            yield return $"condition '{expression}' ends with an operator";
        }

        if (expression.Trim().Length == 0)
        {
            yield return "empty condition";
        }
    }

    [GeneratedRegex("""(?<str>"[^"]*"|'[^']*')|(?<num>\d+(\.\d+)?)|(?<ident>[A-Za-z_][A-Za-z0-9_]*)|(?<op>==|!=|<=|>=|&&|\|\||[!<>])|(?<paren>[()])|(?<ws>\s+)|(?<bad>.)""")]
    private static partial Regex Token();
}
