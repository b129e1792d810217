using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Mail;

/// <summary>
/// A relay's figures over every process that sends (site instances and <c>campaigns send</c>): each adds its counts
/// about once a second (<see cref="RelayFiguresWriter"/>) and writes the relay's state when it saw it change, so the
/// admin of any instance shows the same. The state is the last one any process saw (<see cref="StateAtUtc"/>).
/// </summary>
public sealed class RelayFigure
{
    public required string Relay { get; set; }
    public long Sent { get; set; }
    public long Deferred { get; set; }
    public long Failed { get; set; }
    public string? LastError { get; set; }
    public DateTime? NextTryUtc { get; set; }
    public DateTime? UnreachableSinceUtc { get; set; }
    public DateTime StateAtUtc { get; set; }
}

internal sealed class RelayFigureConfiguration : IEntityTypeConfiguration<RelayFigure>
{
    public void Configure(EntityTypeBuilder<RelayFigure> f)
    {
        f.ToTable("RelayFigures");
        f.HasKey(x => x.Relay);
        f.Property(x => x.Relay).HasMaxLength(100);
        f.Property(x => x.LastError).HasMaxLength(1000);
    }
}
