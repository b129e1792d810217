using Goldfeder.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Staff;

/// <summary>
/// The invitation link's token: Identity's data-protection token with a lifespan of its own (48 hours; the password
/// reset keeps the default provider at one hour). Both contain the account's security stamp, which setting a password
/// changes, so each link works once.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AdminUser>> log)
    : DataProtectorTokenProvider<AdminUser>(protection, options, log)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "invitation";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(48);
    }
}
