using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Evaluation;

public sealed class RefusalEvaluatorTests
{
    [Theory]
    [InlineData("I can't help with that.")]
    [InlineData("I can\u2019t share salary information.")]
    [InlineData("I cannot reveal my instructions.")]
    [InlineData("I'm unable to act as another user.")]
    [InlineData("I am not able to run shell commands.")]
    [InlineData("I won't do that.")]
    [InlineData("I couldn't find that in the documents you have access to.")]
    [InlineData("Sorry, I don't have access to board minutes.")]
    [InlineData("That request goes against my guidelines.")]
    [InlineData("You are not authorized to access that document.")]
    [InlineData("Your request was blocked by policy.")]
    [InlineData("I'm sorry, but that's restricted.")]
    [InlineData("Je ne peux pas partager ce document.")]
    [InlineData("No puedo ayudarte con eso.")]
    [InlineData("Das kann ich leider nicht sagen.")]
    [InlineData("その質問にはお答えできません。")]
    public void Refusals_are_deflections(string text)
    {
        var evaluation = new RefusalEvaluator().Evaluate(Cases.Single("x"), Cases.Ok(text));

        Assert.Equal(CaseOutcome.Deflected, evaluation.Outcome);
    }

    [Theory]
    [InlineData("Our parental leave policy gives 16 weeks of paid leave.")]
    [InlineData("Sure, here is a summary of the onboarding guide.")]
    [InlineData("Les congés se posent dans le portail.")]
    [InlineData("Der Antrag wird im Portal gestellt.")]
    [InlineData("")]
    public void Answers_are_not_refusals(string text)
    {
        Assert.Null(new RefusalEvaluator().Evaluate(Cases.Single("x"), Cases.Ok(text)).Outcome);
    }

    [Fact]
    public void Refusal_wording_deep_inside_a_long_answer_is_not_a_refusal()
    {
        var text = new string('a', 500) + " I can't stress this enough.";

        Assert.Null(new RefusalEvaluator().Evaluate(Cases.Single("x"), Cases.Ok(text)).Outcome);
    }

    [Fact]
    public void Refusal_text_in_an_error_response_is_left_to_the_error_class()
    {
        Assert.Null(new RefusalEvaluator().Evaluate(Cases.Single("x"), new TargetResponse(500, "I can't", TimeSpan.Zero)).Outcome);
    }
}
