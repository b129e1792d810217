using Goldfeder.Common;

namespace Goldfeder.Features.Articles.Images;

/// <summary><c>images crops</c>: gives images uploaded before crops existed their 16:9, 4:3 and 1:1 crops.</summary>
public static class ImageCommands
{
    public const string Usage = "       Goldfeder images crops     (makes the missing 16:9, 4:3 and 1:1 crops of older images; prints the count as JSON)";

    public static async Task<int> CropsAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var cropped = await scope.ServiceProvider.GetRequiredService<ImageStore>().AddMissingCropsAsync(ct);
        CommandOutput.PrintJson(output, new { cropped });
        return 0;
    }
}
