using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast;

/// <summary>The tool calls a hijacked model makes: every offered tool that any message names, once per request.</summary>
internal static class InstructedToolCalls
{
    public static IReadOnlyList<FunctionCallContent> Plan(IReadOnlyList<ChatMessage> messages, ChatOptions? options, IReadOnlyList<string> instructions)
    {
        if (options?.Tools is not { Count: > 0 } tools)
        {
            return [];
        }

        var answered = AnsweredToolNames(messages);
        var previousCalls = messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().Count();
        var calls = new List<FunctionCallContent>();
        foreach (var tool in tools.OfType<AIFunctionDeclaration>().DistinctBy(tool => tool.Name, StringComparer.Ordinal))
        {
            if (answered.Contains(tool.Name) || FindArguments(tool.Name, instructions) is not { } arguments)
            {
                continue;
            }

            // Numbered from the calls already in the conversation: fresh within it, and the same on every run.
            var callId = string.Create(CultureInfo.InvariantCulture, $"call-{previousCalls + calls.Count + 1}-{tool.Name}");
            calls.Add(new FunctionCallContent(callId, tool.Name, arguments));
        }

        return calls;
    }

    /// <summary>Tools whose call already has its result in the request: calling again would loop, so the result is echoed instead.</summary>
    private static HashSet<string> AnsweredToolNames(IReadOnlyList<ChatMessage> messages)
    {
        var contents = messages.SelectMany(message => message.Contents).ToArray();
        var resultIds = contents.OfType<FunctionResultContent>().Select(result => result.CallId).ToHashSet(StringComparer.Ordinal);
        return contents.OfType<FunctionCallContent>()
            .Where(call => resultIds.Contains(call.CallId))
            .Select(call => call.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Null when no text names the tool; otherwise the JSON object written right after the first mention that has one
    /// (<c>send_mail {"to": "..."}</c> or <c>send_mail({"to": "..."})</c>), or no arguments.
    /// </summary>
    private static Dictionary<string, object?>? FindArguments(string name, IReadOnlyList<string> instructions)
    {
        var pattern = new Regex(@"(?<![\w-])" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Dictionary<string, object?>? found = null;
        foreach (var text in instructions)
        {
            foreach (Match match in pattern.Matches(text))
            {
                found ??= [];
                if (ParseObjectAfter(text, match.Index + match.Length) is { } arguments)
                {
                    return arguments;
                }
            }
        }

        return found;
    }

    private static Dictionary<string, object?>? ParseObjectAfter(string text, int index)
    {
        while (index < text.Length && (char.IsWhiteSpace(text[index]) || text[index] is '(' or ':'))
        {
            index++;
        }

        if (index >= text.Length || text[index] != '{')
        {
            return null;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text[index..]), new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            // Reads one value and ignores whatever prose follows it.
            if (!JsonDocument.TryParseValue(ref reader, out var document))
            {
                return null;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                // Last one wins on a repeated key, as most JSON readers do.
                var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }

                return arguments;
            }
        }
        catch (JsonException)
        {
            // Prose that merely starts with a brace: the tool is still called, with no arguments.
            return null;
        }
    }
}
