using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sharekeep.Storage.Entities;

internal sealed class WebhookEndpointRow
{
    public Guid Id { get; set; }
    public required string Url { get; set; }

    /// <summary>Event names, comma-separated ("link.created,link.revoked").</summary>
    public required string Events { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The signing secret as Data Protection encrypted it; the key ring is itself encrypted at rest (decision 16).</summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset Created { get; set; }
}

/// <summary>
/// The outbox: one message for one endpoint, added in the transaction of the change it reports, so that a change
/// committed is a message kept. <see cref="Lease"/> and <see cref="LeaseUntil"/> say which claim is delivering it.
/// </summary>
internal sealed class WebhookMessageRow
{
    public required string Id { get; set; }
    public Guid EndpointId { get; set; }
    public required string Type { get; set; }

    /// <summary>The body exactly as every attempt sends (and signs) it.</summary>
    public required string Body { get; set; }

    public DateTimeOffset Created { get; set; }
    public int State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttempt { get; set; }
    public Guid? Lease { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>When it was delivered or given up; finished messages are deleted after the retention.</summary>
    public DateTimeOffset? Finished { get; set; }
}

internal sealed class WebhookAttemptRow
{
    public long Id { get; set; }
    public Guid EndpointId { get; set; }
    public required string MessageId { get; set; }
    public required string Type { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }

    /// <summary>The start of the receiver's answer (bounded), for an operator looking at a failure.</summary>
    public string? Response { get; set; }
}

/// <summary>How far a time-based sweep has looked (the expiry sweep: links that expired up to this moment have their event).</summary>
internal sealed class WebhookSweepRow
{
    public required string Name { get; set; }
    public DateTimeOffset Watermark { get; set; }

    /// <summary>The last key seen at <see cref="Watermark"/>: many links may share one expiry (a bulk expire-at gives them one).</summary>
    public required string AfterKey { get; set; }
}

internal sealed class WebhookEndpointRowConfiguration : IEntityTypeConfiguration<WebhookEndpointRow>
{
    public void Configure(EntityTypeBuilder<WebhookEndpointRow> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.Events).HasMaxLength(400);
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000);
        builder.HasIndex(e => e.Created);
    }
}

internal sealed class WebhookMessageRowConfiguration : IEntityTypeConfiguration<WebhookMessageRow>
{
    public void Configure(EntityTypeBuilder<WebhookMessageRow> builder)
    {
        builder.ToTable("WebhookMessages");
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.Property(m => m.Type).HasMaxLength(32);
        // What the deliverer asks for: the due messages still waiting, soonest first.
        builder.HasIndex(m => new { m.State, m.NextAttempt });
        builder.HasIndex(m => m.Finished);
        builder.HasOne<WebhookEndpointRow>().WithMany().HasForeignKey(m => m.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAttemptRowConfiguration : IEntityTypeConfiguration<WebhookAttemptRow>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptRow> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.Property(a => a.MessageId).HasMaxLength(40);
        builder.Property(a => a.Type).HasMaxLength(32);
        builder.Property(a => a.Error).HasMaxLength(200);
        builder.Property(a => a.Response).HasMaxLength(1024);
        builder.HasIndex(a => new { a.EndpointId, a.Id });
        builder.HasIndex(a => a.At);
        builder.HasOne<WebhookEndpointRow>().WithMany().HasForeignKey(a => a.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSweepRowConfiguration : IEntityTypeConfiguration<WebhookSweepRow>
{
    public void Configure(EntityTypeBuilder<WebhookSweepRow> builder)
    {
        builder.ToTable("WebhookSweeps");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.AfterKey).HasMaxLength(64);
    }
}
