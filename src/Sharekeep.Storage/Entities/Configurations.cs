using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sharekeep.Storage.Entities;

internal sealed class ReportRowConfiguration : IEntityTypeConfiguration<ReportRow>
{
    public void Configure(EntityTypeBuilder<ReportRow> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.Name).HasMaxLength(200);
    }
}

internal sealed class DashboardRowConfiguration : IEntityTypeConfiguration<DashboardRow>
{
    public void Configure(EntityTypeBuilder<DashboardRow> builder)
    {
        builder.ToTable("Dashboards");
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasMany(d => d.Reports).WithOne().HasForeignKey(r => r.DashboardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DashboardReportRowConfiguration : IEntityTypeConfiguration<DashboardReportRow>
{
    public void Configure(EntityTypeBuilder<DashboardReportRow> builder)
    {
        builder.ToTable("DashboardReports");
        builder.HasKey(r => new { r.DashboardId, r.ReportId });
        // Deleting a report takes it off every dashboard that showed it.
        builder.HasOne<ReportRow>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShareRowConfiguration : IEntityTypeConfiguration<ShareRow>
{
    public void Configure(EntityTypeBuilder<ShareRow> builder)
    {
        builder.ToTable("Shares");
        builder.Property(s => s.Id).HasMaxLength(64);
        // At most one active share per resource: the backstop for concurrent "share this" calls.
        builder.HasIndex(s => new { s.Kind, s.ResourceId })
            .IsUnique()
            .HasFilter("\"Revoked\" IS NULL")
            .HasDatabaseName("IX_Shares_ActivePerResource");
        builder.HasIndex(s => new { s.Kind, s.ResourceId, s.Created });
        // The inventory's keyset order (sort value, then key): a page reads its rows in index order, whatever the table's size.
        builder.HasIndex(s => new { s.Created, s.Id });
        builder.HasIndex(s => new { s.Expires, s.Id });
    }
}

internal sealed class PolicySettingRowConfiguration : IEntityTypeConfiguration<PolicySettingRow>
{
    public void Configure(EntityTypeBuilder<PolicySettingRow> builder)
    {
        builder.ToTable("PolicySettings");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
    }
}

internal sealed class PolicyAuditRowConfiguration : IEntityTypeConfiguration<PolicyAuditRow>
{
    public void Configure(EntityTypeBuilder<PolicyAuditRow> builder)
    {
        builder.ToTable("PolicyAudit");
        builder.Property(a => a.Setting).HasMaxLength(64);
        builder.Property(a => a.Actor).HasMaxLength(128);
    }
}

internal sealed class LinkPolicyRowConfiguration : IEntityTypeConfiguration<LinkPolicyRow>
{
    public void Configure(EntityTypeBuilder<LinkPolicyRow> builder)
    {
        builder.ToTable("LinkPolicies");
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}

internal sealed class FileRowConfiguration : IEntityTypeConfiguration<FileRow>
{
    public void Configure(EntityTypeBuilder<FileRow> builder)
    {
        builder.ToTable("Files");
        builder.Property(f => f.Name).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(255);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => f.Created);
        builder.HasIndex(f => f.Number).IsUnique();
    }
}

internal sealed class CounterRowConfiguration : IEntityTypeConfiguration<CounterRow>
{
    public void Configure(EntityTypeBuilder<CounterRow> builder)
    {
        builder.ToTable("Counters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class FileLinkRowConfiguration : IEntityTypeConfiguration<FileLinkRow>
{
    public void Configure(EntityTypeBuilder<FileLinkRow> builder)
    {
        builder.ToTable("FileLinks");
        builder.Property(l => l.Key).HasMaxLength(64);
        builder.HasIndex(l => l.Key).IsUnique();
        builder.Property(l => l.Title).HasMaxLength(255);
        builder.Property(l => l.PasswordHash).HasMaxLength(200);
        builder.Property(l => l.PasswordStamp).HasMaxLength(64);
        builder.HasIndex(l => new { l.FileId, l.Created });
        // The inventory's keyset order, as for shares.
        builder.HasIndex(l => new { l.Created, l.Key });
        builder.HasIndex(l => new { l.Expires, l.Key });
        // Deleting a file ends its links: their keys then answer as unknown.
        builder.HasOne<FileRow>().WithMany().HasForeignKey(l => l.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsoleSessionRowConfiguration : IEntityTypeConfiguration<ConsoleSessionRow>
{
    public void Configure(EntityTypeBuilder<ConsoleSessionRow> builder)
    {
        builder.ToTable("ConsoleSessions");
        builder.Property(s => s.CredentialStamp).HasMaxLength(64);
        builder.Property(s => s.Address).HasMaxLength(200);
        builder.Property(s => s.UserAgent).HasMaxLength(200);
        builder.HasIndex(s => new { s.Ended, s.Created });
    }
}

internal sealed class ApiKeyRowConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Scopes).HasMaxLength(100);
        builder.Property(k => k.KeyDigest).HasMaxLength(64);
        builder.HasIndex(k => k.KeyDigest).IsUnique();
        builder.Property(k => k.LastUsedAddress).HasMaxLength(64);
        builder.HasIndex(k => k.Created);
    }
}

internal sealed class PasswordFailureRowConfiguration : IEntityTypeConfiguration<PasswordFailureRow>
{
    public void Configure(EntityTypeBuilder<PasswordFailureRow> builder)
    {
        builder.ToTable("PasswordFailures");
        builder.Property(f => f.Network).HasMaxLength(64);
        // The two counts a try reads: a link's newest failures, a network's newest failures.
        builder.HasIndex(f => new { f.LinkId, f.At });
        builder.HasIndex(f => new { f.Network, f.At });
        builder.HasIndex(f => f.At);
    }
}
