using Microsoft.Extensions.Options;

namespace Goldfeder.Data;

/// <summary>
/// Settings that have a development default but must be set for a real site: checked when the site starts in
/// Production (Features/Site/StartupChecks runs them first), one failure message per problem.
/// </summary>
public static class ProductionSettings
{
    public static OptionsBuilder<T> RequireInProduction<T>(this OptionsBuilder<T> options, Func<T, bool> valid, string problem) where T : class =>
        options.Validate<IHostEnvironment>((o, env) => !env.IsProduction() || valid(o), problem).ValidateOnStart();
}
