using Goldfeder.Cli;
using Goldfeder.Data;
using Goldfeder.Features.Admin;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Articles.Images;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Careers;
using Goldfeder.Features.Newsletter;
using Goldfeder.Features.Site;
using Goldfeder.Mail;

var command = OperatorCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
if (command) OperatorCommands.ConfigureLogging(builder.Logging);
// Serves wwwroot from a build (not only a publish) in every environment; a no-op in a published app.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddMail(builder.Configuration, builder.Environment);
builder.Services.AddSite(builder.Configuration);
builder.Services.AddNewsletter(builder.Configuration);
builder.Services.AddCampaigns(builder.Configuration);
builder.Services.AddCareers(builder.Configuration);
builder.Services.AddAdmin(builder.Environment);
builder.Services.AddImages(builder.Configuration);

var app = builder.Build();

if (app.Configuration.GetValue("Storage:MigrateOnStart", true))
{
    await StorageSetup.MigrateAsync(app.Services);
    await AdminAccounts.EnsureRolesAsync(app.Services);
}
if (command)
{
    // Ctrl+C stops a long command (a campaign send) between messages; what was sent is recorded.
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await OperatorCommands.RunAsync(app.Services, args, Console.Out, stop.Token);
}
if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration["Site:BaseUrl"]))
    app.Logger.LogWarning("Site:BaseUrl is not set: links in mails are built from each request's Host header. Set it in production.");
if (app.Configuration.GetValue<bool>("DemoContent:Load"))
{
    await DemoContent.LoadAsync(app.Services);
    await CareersDemoContent.LoadAsync(app.Services);
}

app.UseSite();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapHealth();
app.MapImages();
app.MapCampaignsApi();
app.MapOpenApi();

app.Run();
return 0;

public partial class Program;
