using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage;

public sealed class SharekeepDbContext(DbContextOptions<SharekeepDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that signs unlock cookies: in the database, so that every instance shares it.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal DbSet<ReportRow> Reports => Set<ReportRow>();
    internal DbSet<DashboardRow> Dashboards => Set<DashboardRow>();
    internal DbSet<DashboardReportRow> DashboardReports => Set<DashboardReportRow>();
    internal DbSet<ShareRow> Shares => Set<ShareRow>();
    internal DbSet<PolicySettingRow> PolicySettings => Set<PolicySettingRow>();
    internal DbSet<PolicyAuditRow> PolicyAudit => Set<PolicyAuditRow>();
    internal DbSet<LinkPolicyRow> LinkPolicies => Set<LinkPolicyRow>();
    internal DbSet<FileRow> Files => Set<FileRow>();
    internal DbSet<FileLinkRow> FileLinks => Set<FileLinkRow>();
    internal DbSet<ConsoleSessionRow> ConsoleSessions => Set<ConsoleSessionRow>();
    internal DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    internal DbSet<CounterRow> Counters => Set<CounterRow>();
    internal DbSet<PasswordFailureRow> PasswordFailures => Set<PasswordFailureRow>();
    internal DbSet<WebhookEndpointRow> WebhookEndpoints => Set<WebhookEndpointRow>();
    internal DbSet<WebhookMessageRow> WebhookMessages => Set<WebhookMessageRow>();
    internal DbSet<WebhookAttemptRow> WebhookAttempts => Set<WebhookAttemptRow>();
    internal DbSet<WebhookSweepRow> WebhookSweeps => Set<WebhookSweepRow>();
    internal DbSet<LinkActivityRow> LinkActivity => Set<LinkActivityRow>();
    internal DbSet<LinkFirstUseRow> LinkFirstUses => Set<LinkFirstUseRow>();
    internal DbSet<ActivityWriterRow> ActivityWriters => Set<ActivityWriterRow>();
    internal DbSet<LinkVisitorRow> LinkVisitors => Set<LinkVisitorRow>();
    internal DbSet<ActivitySaltRow> ActivitySalts => Set<ActivitySaltRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SharekeepDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and cannot order DateTimeOffset text; UTC ticks as integers order and compare exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>DateTimeOffset to UTC ticks and back; all times are stored in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
