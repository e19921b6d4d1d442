using System.Security.Cryptography;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Telemetry;

public static class GoldenPathRedactionExtensions
{
    /// <summary>
    /// Log redaction through Microsoft.Extensions.Compliance.Redaction: parameters marked <see cref="UserIdAttribute"/>
    /// are HMAC-hashed, <see cref="PromptAttribute"/> and every other classified value are erased.
    /// </summary>
    public static TBuilder AddGoldenPathRedaction<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration[$"{RedactionOptions.SectionName}:{nameof(RedactionOptions.HmacKey)}"];
        var key = string.IsNullOrWhiteSpace(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : configured;
        if (Convert.TryFromBase64String(key, new byte[key.Length], out var length) is false || length < 32)
        {
            throw new InvalidOperationException($"{RedactionOptions.SectionName}:HmacKey must be base64 of at least 32 bytes, e.g. the output of `openssl rand -base64 32`.");
        }

        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
        {
#pragma warning disable EXTEXP0002 // The HMAC redactor is marked experimental; its hashing contract is what the audit trail needs.
            redaction.SetHmacRedactor(options =>
            {
                options.Key = key;
                options.KeyId = 1;
            }, new DataClassificationSet(GoldenPathTaxonomy.UserId));
#pragma warning restore EXTEXP0002
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(GoldenPathTaxonomy.Prompt));
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return builder;
    }
}
