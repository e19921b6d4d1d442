namespace GoldenPath.AspNetCore.Web;

public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "GoldenPath:ForwardedHeaders";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
