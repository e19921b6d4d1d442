namespace GoldenPath.Guardrails.Tests;

public sealed class ExfiltrationRailTests
{
    private static readonly GuardrailEngine s_engine = new(
        GuardrailPolicy.Default,
        new GuardrailOptions { AllowedLinkHosts = ["contoso.com", "docs.example.org"] });

    [Theory]
    [InlineData("See ![diagram](https://evil.example/p.png?d=1) here.", "See diagram here.", "untrusted-image")]
    [InlineData("Read [the guide](https://evil.example/guide) now.", "Read the guide now.", "untrusted-link")]
    [InlineData("Pic: <img src=\"https://evil.example/x.gif\" alt=\"chart\"> end", "Pic: chart end", "untrusted-image")]
    [InlineData("Go <a href='https://evil.example'>there</a> now", "Go there now", "untrusted-link")]
    [InlineData("Visit https://evil.example/page.", "Visit [REDACTED:URL].", "untrusted-link")]
    [InlineData("![x](data:image/png;base64,AAAA)", "x", "untrusted-image")]
    [InlineData("[click](javascript:alert(1))", "[click](javascript:alert(1))", null)]
    public void Removes_links_to_hosts_that_are_not_allowed(string answer, string expected, string? category)
    {
        var verdict = s_engine.EvaluateOutput(answer);

        if (category is null)
        {
            // Not a well-formed markdown link (the URL has parentheses), so nothing renders as a link.
            Assert.Equal(RailAction.Allow, verdict.Action);
            return;
        }

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal(expected, verdict.Text);
        Assert.Contains(verdict.Findings, f => f.Category == category);
    }

    [Theory]
    [InlineData("See ![logo](https://contoso.com/logo.png)")]
    [InlineData("Read [docs](https://docs.example.org/guide?page=2)")]
    [InlineData("Read [docs](https://learn.contoso.com/a/b)")]
    [InlineData("Go to https://contoso.com/help for help.")]
    [InlineData("See [the section](#pricing) and [the page](/travel/policy).")]
    [InlineData("No links here at all.")]
    public void Keeps_allowed_and_relative_links(string answer)
    {
        var verdict = s_engine.EvaluateOutput(answer);

        Assert.Equal(RailAction.Allow, verdict.Action);
        Assert.Equal(answer, verdict.Text);
    }

    [Theory]
    [InlineData("![a](https://contoso.com/p.png?q=aGVsbG8gd29ybGQgZnJvbSB0aGUgY2hhdA)")] // base64 value
    [InlineData("![a](https://contoso.com/p.png?q=%73%65%63%72%65%74)")] // percent-encoded value
    [InlineData("[a](https://contoso.com/p?q=thisisaverylongvaluethatgoesonandonandonandonandonandonandonandonwithoutend)")]
    public void Removes_allowed_links_that_carry_data_in_the_query(string answer)
    {
        var verdict = s_engine.EvaluateOutput(answer);

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal("a", verdict.Text);
    }

    [Fact]
    public void Does_not_allow_a_host_that_merely_ends_with_an_allowed_name()
    {
        var verdict = s_engine.EvaluateOutput("![x](https://evilcontoso.com/x.png)");

        Assert.Equal("x", verdict.Text);
    }

    [Fact]
    public void Nothing_is_allowed_when_no_hosts_are_configured()
    {
        var engine = new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions());

        Assert.Equal("[REDACTED:URL]", engine.EvaluateOutput("https://contoso.com").Text);
    }
}
