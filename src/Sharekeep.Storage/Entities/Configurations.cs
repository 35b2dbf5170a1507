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
    }
}
