namespace Goldfeder.Features.Feeds;

public static class FeedsSetup
{
    public static IServiceCollection AddFeeds(this IServiceCollection services) => services;

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapFeedEndpoints();
        return app;
    }
}
