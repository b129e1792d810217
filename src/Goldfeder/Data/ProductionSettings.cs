using Microsoft.Extensions.Options;

namespace Goldfeder.Data;

/// <summary>
/// Settings that have a development default but must be set for a real site. Checked once when the web site starts in
/// Production (Features/Site/StartupChecks), one line per problem; operator commands are not held up by them.
/// </summary>
public static class ProductionSettings
{
    public sealed record Requirement(Func<IServiceProvider, string?> Problem);

    public static OptionsBuilder<T> RequireInProduction<T>(this OptionsBuilder<T> options, Func<T, bool> valid, string problem) where T : class
    {
        options.Services.AddSingleton(new Requirement(sp => valid(sp.GetRequiredService<IOptions<T>>().Value) ? null : problem));
        return options;
    }
}
