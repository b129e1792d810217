using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

/// <summary>
/// The one DbContext. Each storage provider has a subclass so that each keeps its own migration set. It knows no
/// feature: each feature adds its tables as extension properties (e.g. <c>ArticleTables</c>) and its entities'
/// configuration, which <see cref="OnModelCreating"/> finds in the assembly; table names are set there, not derived.
/// Inside a query's lambda (a subquery) write <c>db.Set&lt;T&gt;()</c>: C# allows no extension property in an expression tree.
/// </summary>
public abstract class GoldfederDb(DbContextOptions options)
    : IdentityDbContext<AdminUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Secret> Secrets => Set<Secret>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GoldfederDb).Assembly);
        modelBuilder.Entity<Secret>().HasKey(s => s.Name);
        modelBuilder.Entity<Secret>().Property(s => s.Name).HasMaxLength(100);
    }
}
