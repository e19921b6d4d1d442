using GoldenPath.AspNetCore;
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

app.Run();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
