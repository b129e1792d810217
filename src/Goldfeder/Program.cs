using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Site;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddSite(builder.Configuration);

var app = builder.Build();

if (app.Configuration.GetValue("Storage:MigrateOnStart", true))
    await StorageSetup.MigrateAsync(app.Services);
if (app.Configuration.GetValue<bool>("DemoContent:Load"))
    await DemoContent.LoadAsync(app.Services);

app.UseSite();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapHealth();

app.Run();

public partial class Program;
