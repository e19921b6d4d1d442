using GoldenPath.AspNetCore;
using GoldenPath.AspNetCore.Fast;
using GoldenPath.AspNetCore.Management;
using RagChatbot._1.Api.Chat;
using RagChatbot._1.Api.Knowledge;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKnowledgeBase();
builder.AddChat();

var app = builder.Build();

app.UseGoldenPathDefaults();
app.MapDefaultEndpoints();
app.MapChatEndpoints();
app.MapGoldenPathManagement();

// FAST's canary-planting hook for security scans: maps nothing unless GoldenPath:Fast:Hooks:Enabled is set, and the
// host refuses to start with it outside Development and Testing.
app.MapFastHooks();

app.Run();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
