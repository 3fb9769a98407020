using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvsContracts.Snapshots;

namespace Peers.NSwag
{
    // NSwag's client keeps its serializer options private; its generated classes are partial, so this exposes them
    // to measure exactly what the client does with a body.
    public partial class NSwagEvsClient
    {
        public static JsonSerializerOptions SerializerOptions => _settings.Value;
    }
}

namespace EvsContracts.Benchmarks.Json
{
    /// <summary>Builds each peer's objects from one <see cref="Sample"/>, and reads them back for the checks.</summary>
    public static class PeerModels
    {
        /// <summary>System.Text.Json with reflection, as most code calls it: the defaults plus the spec's null rule.</summary>
        public static readonly JsonSerializerOptions ReflectionOptions = new()
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public static readonly global::Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = global::Newtonsoft.Json.JsonSerializer.Create(new global::Newtonsoft.Json.JsonSerializerSettings
        {
            NullValueHandling = global::Newtonsoft.Json.NullValueHandling.Ignore,
            DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None,
        });

        public static CreateSnapshotRequestBody Generated(Sample sample) => new()
        {
            Snapshot = new CreateSnapshotOption
            {
                VolumeId = sample.VolumeId,
                Force = sample.Force,
                Metadata = sample.Metadata.ToDictionary(e => e.Key, e => e.Value),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static PocoRequest Poco(Sample sample) => new()
        {
            Snapshot = new PocoOption
            {
                VolumeId = sample.VolumeId,
                Force = sample.Force,
                Metadata = sample.Metadata.ToDictionary(e => e.Key, e => e.Value),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static Peers.NSwag.CreateSnapshotRequestBody NSwag(Sample sample) => new()
        {
            Snapshot = new Peers.NSwag.CreateSnapshotOption
            {
                Volume_id = Guid.Parse(sample.VolumeId),
                Force = sample.Force ?? false,
                Metadata = sample.Metadata.ToDictionary(e => e.Key, e => e.Value),
                Description = sample.Description,
                Name = sample.Name,
            },
        };

        public static Peers.Kiota.Models.CreateSnapshotRequestBody Kiota(Sample sample)
        {
            var metadata = new Peers.Kiota.Models.CreateSnapshotOption_metadata();
            foreach (KeyValuePair<string, string> entry in sample.Metadata)
            {
                metadata.AdditionalData[entry.Key] = entry.Value;
            }

            return new Peers.Kiota.Models.CreateSnapshotRequestBody
            {
                Snapshot = new Peers.Kiota.Models.CreateSnapshotOption
                {
                    VolumeId = Guid.Parse(sample.VolumeId),
                    Force = sample.Force,
                    Metadata = metadata,
                    Description = sample.Description,
                    Name = sample.Name,
                },
            };
        }

        // ---- reading back, for the checks: every peer's answer becomes the generated type ----------------------

        public static CreateSnapshotResponseBody FromPoco(PocoResponse? response)
        {
            PocoDetails d = response?.Snapshot ?? throw new InvalidOperationException("No snapshot.");
            return Details(d.Id, d.Status, d.Name, d.Description, d.CreatedAt, d.Metadata, d.VolumeId, d.Size, d.UpdatedAt);
        }

        public static CreateSnapshotResponseBody FromNSwag(Peers.NSwag.CreateSnapshotResponseBody? response)
        {
            Peers.NSwag.SnapshotDetails d = response?.Snapshot ?? throw new InvalidOperationException("No snapshot.");
            string status = d.Status == Peers.NSwag.SnapshotStatus.Creating ? "creating" : d.Status.ToString();
            return Details(d.Id.ToString(), status, d.Name, d.Description, d.Created_at, d.Metadata, d.Volume_id.ToString(), d.Size, d.Updated_at);
        }

        public static CreateSnapshotResponseBody FromKiota(Peers.Kiota.Models.CreateSnapshotResponseBody? response)
        {
            Peers.Kiota.Models.SnapshotDetails d = response?.Snapshot ?? throw new InvalidOperationException("No snapshot.");
            var metadata = d.Metadata?.AdditionalData.ToDictionary(e => e.Key, e => Convert.ToString(e.Value, System.Globalization.CultureInfo.InvariantCulture)!);
            string status = d.Status switch
            {
                Peers.Kiota.Models.SnapshotStatus.Creating => "creating",
                { } other => other.ToString(),
                null => throw new InvalidOperationException("No status."),
            };
            return Details(d.Id?.ToString() ?? string.Empty, status, d.Name, d.Description, d.CreatedAt ?? default, metadata, d.VolumeId?.ToString() ?? string.Empty, d.Size ?? 0, d.UpdatedAt);
        }

        /// <summary>Throws unless <paramref name="actual"/> holds exactly the sample's values.</summary>
        public static void Check(string peer, Sample sample, CreateSnapshotResponseBody actual)
        {
            SnapshotDetails d = actual.Snapshot;
            bool ok = d.Id == sample.Id
                && d.Status.Value == sample.Status
                && d.Name == sample.Name
                && d.Description == sample.Description
                // Clock times: the peers read a time without an offset as local time, not UTC; that is not measured here.
                && d.CreatedAt.DateTime == sample.CreatedAt.DateTime
                && d.UpdatedAt?.DateTime == sample.UpdatedAt.DateTime
                && d.VolumeId == sample.VolumeId
                && d.Size == sample.Size
                && SameMap(d.Metadata, sample.Metadata);
            if (!ok)
            {
                throw new InvalidOperationException($"{peer} read the answer wrongly: {actual.ToJson()}");
            }
        }

        /// <summary>Throws unless <paramref name="json"/> is a request body with exactly the sample's values.</summary>
        public static void CheckRequest(string peer, Sample sample, ReadOnlySpan<byte> json)
        {
            CreateSnapshotOption o = HandWritten.ReadRequest(json).Snapshot;
            bool ok = o.VolumeId == sample.VolumeId
                && o.Force == sample.Force
                && o.Description == sample.Description
                && o.Name == sample.Name
                && SameMap(o.Metadata?.ToDictionary(e => e.Key, e => e.Value), sample.Metadata);
            if (!ok)
            {
                throw new InvalidOperationException($"{peer} wrote the request wrongly: {System.Text.Encoding.UTF8.GetString(json)}");
            }
        }

        private static CreateSnapshotResponseBody Details(
            string id, string status, string? name, string? description, DateTimeOffset createdAt,
            IDictionary<string, string>? metadata, string volumeId, int size, DateTimeOffset? updatedAt) => new()
        {
            Snapshot = new SnapshotDetails
            {
                Id = id,
                Status = new SnapshotStatus(status),
                Name = name,
                Description = description,
                CreatedAt = createdAt,
                Metadata = metadata?.ToDictionary(e => e.Key, e => e.Value),
                VolumeId = volumeId,
                Size = size,
                UpdatedAt = updatedAt,
            },
        };

        private static bool SameMap(IReadOnlyDictionary<string, string>? actual, IReadOnlyList<KeyValuePair<string, string>> expected) =>
            actual is not null
            && actual.Count == expected.Count
            && expected.All(e => actual.TryGetValue(e.Key, out string? value) && value == e.Value);
    }
}
