extern alias AppHost;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RagChatbot._1.Tests.AppHost;

/// <summary>Starts the real AppHost (no container engine needed) and talks to the Api it runs.</summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AppHostRunsTheApiWithHealthAndAuthenticatedChat()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.RagChatbot_1_AppHost>(
#if (UsesApiKey)
            ["--Parameters:model-api-key=unused-by-the-offline-test-model"],
#endif
            cancellationToken);

        // Development tokens the way `dotnet user-jwts` configures them: a symmetric key in configuration.
        var key = RandomNumberGenerator.GetBytes(32);
        const string issuer = "aspire-tests";
        const string audience = "ragchatbot-api";
        var api = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        appHost.CreateResourceBuilder(api)
            .WithEnvironment("GoldenPath__Model__Provider", "Offline")
            .WithEnvironment("GoldenPath__Retrieval__Store", "Embedded")
            .WithEnvironment("GoldenPath__Retrieval__Dimensions", "384")
            .WithEnvironment("Authentication__Schemes__Bearer__ValidIssuer", issuer)
            .WithEnvironment("Authentication__Schemes__Bearer__ValidAudiences__0", audience)
            .WithEnvironment("Authentication__Schemes__Bearer__SigningKeys__0__Issuer", issuer)
            .WithEnvironment("Authentication__Schemes__Bearer__SigningKeys__0__Value", Convert.ToBase64String(key));

        await using var app = await appHost.BuildAsync(cancellationToken).WaitAsync(StartupTimeout, cancellationToken);
        await app.StartAsync(cancellationToken).WaitAsync(StartupTimeout, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cancellationToken).WaitAsync(StartupTimeout, cancellationToken);

        using var http = app.CreateHttpClient("api");
        var health = await http.GetAsync("/health", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var anonymous = await http.PostAsJsonAsync("/api/chat", new { message = "When is the office closed?" }, cancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateToken(key, issuer, audience));
        var chat = await http.PostAsJsonAsync("/api/chat", new { message = "How many floating holidays do employees get?" }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Contains("holiday-calendar", await chat.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string CreateToken(byte[] key, string issuer, string audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", "bob"), new Claim("groups", "employees")]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
