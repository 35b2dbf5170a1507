using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sharekeep.Storage.Entities;

/// <summary>One link's counts for one UTC day (<see cref="Day"/> is its midnight). Flushes add to it; nobody sets it.</summary>
internal sealed class LinkActivityRow
{
    public required string Kind { get; set; }
    public required string LinkId { get; set; }
    public DateTimeOffset Day { get; set; }
    public long Views { get; set; }
    public long Downloads { get; set; }
    public long Previews { get; set; }
    public long PasswordFailures { get; set; }
    public long Lockouts { get; set; }

    /// <summary>Distinct visitors' hashes stored for the day (at most the per-day limit).</summary>
    public int Visitors { get; set; }

    public DateTimeOffset? FirstAccess { get; set; }
    public DateTimeOffset? LastAccess { get; set; }
}

/// <summary>A visitor of a link on a day: a keyed hash (never an address), kept only while its day can still be flushed to.</summary>
internal sealed class LinkVisitorRow
{
    public required string Kind { get; set; }
    public required string LinkId { get; set; }
    public DateTimeOffset Day { get; set; }
    public required byte[] Hash { get; set; }
}

/// <summary>A link's first view or download ever: written once, by the first flush that counts one, and kept past the retention.</summary>
internal sealed class LinkFirstUseRow
{
    public required string Kind { get; set; }
    public required string LinkId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A writer of activity batches (a server process) and the last of its batches written, so that the same batch written again counts nothing.</summary>
internal sealed class ActivityWriterRow
{
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>The key every instance hashes a day's visitors with; deleted once the day is over.</summary>
internal sealed class ActivitySaltRow
{
    public DateTimeOffset Day { get; set; }
    public required byte[] Salt { get; set; }
}

internal sealed class LinkActivityRowConfiguration : IEntityTypeConfiguration<LinkActivityRow>
{
    public void Configure(EntityTypeBuilder<LinkActivityRow> builder)
    {
        builder.ToTable("LinkActivity");
        builder.HasKey(a => new { a.Kind, a.LinkId, a.Day });
        builder.Property(a => a.Kind).HasMaxLength(8);
        builder.Property(a => a.LinkId).HasMaxLength(64);
        // The retention sweep deletes by day.
        builder.HasIndex(a => a.Day);
    }
}

internal sealed class LinkVisitorRowConfiguration : IEntityTypeConfiguration<LinkVisitorRow>
{
    public void Configure(EntityTypeBuilder<LinkVisitorRow> builder)
    {
        builder.ToTable("LinkVisitors");
        builder.HasKey(v => new { v.Kind, v.LinkId, v.Day, v.Hash });
        builder.Property(v => v.Kind).HasMaxLength(8);
        builder.Property(v => v.LinkId).HasMaxLength(64);
        builder.Property(v => v.Hash).HasMaxLength(16);
        builder.HasIndex(v => v.Day);
    }
}

internal sealed class ActivitySaltRowConfiguration : IEntityTypeConfiguration<ActivitySaltRow>
{
    public void Configure(EntityTypeBuilder<ActivitySaltRow> builder)
    {
        builder.ToTable("ActivitySalts");
        builder.HasKey(s => s.Day);
        builder.Property(s => s.Day).ValueGeneratedNever();
        builder.Property(s => s.Salt).HasMaxLength(32);
    }
}

internal sealed class LinkFirstUseRowConfiguration : IEntityTypeConfiguration<LinkFirstUseRow>
{
    public void Configure(EntityTypeBuilder<LinkFirstUseRow> builder)
    {
        builder.ToTable("LinkFirstUses");
        builder.HasKey(f => new { f.Kind, f.LinkId });
        builder.Property(f => f.Kind).HasMaxLength(8);
        builder.Property(f => f.LinkId).HasMaxLength(64);
    }
}

internal sealed class ActivityWriterRowConfiguration : IEntityTypeConfiguration<ActivityWriterRow>
{
    public void Configure(EntityTypeBuilder<ActivityWriterRow> builder)
    {
        builder.ToTable("ActivityWriters");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
    }
}
