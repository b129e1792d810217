using Goldfeder;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Articles.WordpressImport;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Careers;
using Goldfeder.Features.Legal;
using Goldfeder.Features.Feeds;
using Goldfeder.Features.Newsletter;
using Goldfeder.Features.Privacy;
using Goldfeder.Features.Search;
using Goldfeder.Features.Site;
using Goldfeder.Features.Staff;
using Goldfeder.Mail;

if (OperatorCommands.IsHelp(args))
{
    OperatorCommands.PrintHelp(args, Console.Out);
    return 0;
}
var command = OperatorCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
if (command) OperatorCommands.ConfigureLogging(builder.Logging);
// Serves wwwroot from a build (not only a publish) in every environment; a no-op in a published app.
builder.WebHost.UseStaticWebAssets();

// The platform
builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddMail(builder.Configuration, builder.Environment);
builder.Services.AddSite(builder.Configuration);
builder.Services.AddStaff(builder.Environment);
// The features
builder.Services.AddArticles(builder.Configuration);
builder.Services.AddNewsletter(builder.Configuration);
builder.Services.AddCampaigns(builder.Configuration);
builder.Services.AddCareers(builder.Configuration);
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddFeeds();
builder.Services.AddLegal();
builder.Services.AddPrivacy();

builder.AddSiteMetrics();

var app = builder.Build();

if (!command && !app.SettingsAreValid()) return 1;
var storageReady = await app.PrepareStorageAsync();
if (storageReady) await app.PrepareStaffAsync();
if (command) return await OperatorCommands.RunAsync(app.Services, args);
app.HoldWhileRunning();
await app.LoadArticleDemoContentAsync();
await app.LoadCareersDemoContentAsync();
await app.LoadNewsletterDemoTopicsAsync();
if (storageReady) await app.PrepareLegalPagesAsync();

app.UseSite();
app.UseWordpressRedirects();
app.UseSiteCaching();

app.MapSite();
app.MapArticles();
app.MapCampaigns();
app.MapFeeds();

app.Run();
return 0;

public partial class Program;
