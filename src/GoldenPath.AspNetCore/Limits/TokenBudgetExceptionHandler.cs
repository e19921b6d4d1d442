using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.AspNetCore.Limits;

/// <summary>Turns a spent token budget into 429 problem details with <c>Retry-After</c>.</summary>
internal sealed class TokenBudgetExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TokenBudgetExceededException budget)
        {
            return false;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(budget.RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Token budget exhausted",
            detail: budget.Message)
            .ExecuteAsync(httpContext);
        return true;
    }
}
