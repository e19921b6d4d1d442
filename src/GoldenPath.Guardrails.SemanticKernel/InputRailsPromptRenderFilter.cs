using Microsoft.SemanticKernel;

namespace GoldenPath.Guardrails.SemanticKernel;

/// <summary>
/// Runs the input rails on a prompt once it is rendered, because that is the text the model would receive. A
/// blocked prompt gets the refusal as its result, so the model is never called; a redacted prompt is replaced by
/// its redacted text. The verdict is in the result's metadata under <see cref="GuardrailVerdict.PropertyName"/>
/// when the prompt was blocked.
/// </summary>
public sealed class InputRailsPromptRenderFilter : IPromptRenderFilter
{
    private readonly Func<GuardrailEngine> _engine;

    public InputRailsPromptRenderFilter(GuardrailEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = () => engine;
    }

    /// <summary>Follows the active version of <paramref name="store"/>.</summary>
    public InputRailsPromptRenderFilter(GuardrailPolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _engine = () => store.Current;
    }

    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        await next(context).ConfigureAwait(false);
        if (string.IsNullOrEmpty(context.RenderedPrompt) || context.Result is not null)
        {
            return;
        }

        var verdict = _engine().EvaluateInput(context.RenderedPrompt, context.Kernel.GetGuardrailRequest());
        switch (verdict.Action)
        {
            case RailAction.Block:
                context.Result = new FunctionResult(context.Function, verdict.Text, metadata: new Dictionary<string, object?> { [GuardrailVerdict.PropertyName] = verdict });
                break;
            case RailAction.Redact:
                context.RenderedPrompt = verdict.Text;
                break;
        }
    }
}
