using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Careers;

/// <summary>An uploaded PDF. <see cref="Id"/> is random and is the only way to ask for the file; <see cref="StoredName"/> is its random name in the <see cref="IFileStore"/>.</summary>
public class ApplicationFile
{
    public Guid Id { get; set; }
    public int ApplicationId { get; set; }
    public required string StoredName { get; set; }

    /// <summary>The name the applicant's file had, reduced to safe characters (see <see cref="UploadedFileName"/>).</summary>
    public required string OriginalName { get; set; }
    public long Size { get; set; }
    public string ContentType { get; set; } = "application/pdf";

    /// <summary>The CV, or another attachment.</summary>
    public bool IsCv { get; set; }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public const string Table = "Applications";

    public void Configure(EntityTypeBuilder<Application> a)
    {
        a.ToTable(Table);
        a.Property(x => x.Name).HasMaxLength(200);
        a.Property(x => x.Email).HasMaxLength(320);
        a.Property(x => x.Phone).HasMaxLength(50);
        a.Property(x => x.Message).HasMaxLength(10_000);
        a.Property(x => x.Notes).HasMaxLength(10_000);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.HasOne(x => x.JobPosting).WithMany().HasForeignKey(x => x.JobPostingId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.JobPostingId, x.CreatedAtUtc });
        a.HasIndex(x => new { x.Status, x.ClosedAtUtc });
        a.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationFileConfiguration : IEntityTypeConfiguration<ApplicationFile>
{
    public const string Table = "ApplicationFiles";

    public void Configure(EntityTypeBuilder<ApplicationFile> f)
    {
        f.ToTable(Table);
        f.Property(x => x.Id).ValueGeneratedNever();
        f.Property(x => x.StoredName).HasMaxLength(100);
        f.Property(x => x.OriginalName).HasMaxLength(200);
        f.Property(x => x.ContentType).HasMaxLength(100);
    }
}
