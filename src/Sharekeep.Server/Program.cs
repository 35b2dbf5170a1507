using Sharekeep.Server.Admin;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Dialects.ReportingTool;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Native;
using Sharekeep.Server.Native.Webhooks;
using Sharekeep.Server.OpenApi;
using Sharekeep.Server.Pages;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

var builder = WebApplication.CreateBuilder(args);

builder.ConfigureSharekeepHost();
builder.AddSharekeepDomain();
builder.AddLinkActivity();
builder.AddSharekeepStorage();
builder.AddSharekeepHealthChecks();
builder.AddSharekeepTelemetry();
builder.AddApiAuthentication();
builder.AddHeavyRequestLimit();
builder.AddSharekeepPages();
builder.AddAdminConsole();
builder.AddSharekeepWebhooks();
builder.AddApiErrors();
builder.AddVisitorJson();
builder.AddApiDocs();

var app = builder.Build();

await app.InitializeSharekeepAsync();

app.UseSharekeepProxies();
app.UseApiErrors();
app.UseHeaderPolicies();
app.UseCallerChecks();

app.MapApiDocs();
app.MapSharekeepHealthChecks();
app.MapSharekeepMetrics();

app.MapGroup("/api/v1").MapNativeApi();
app.MapReportingTool();
app.MapDocumentPlatform();
app.MapFileLinkPages();
app.MapReportPages();
app.MapAdminConsole();
app.MapPublicAssets();

await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
