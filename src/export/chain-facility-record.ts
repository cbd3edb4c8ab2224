// A UNTP Digital Facility Record (UN Transparency Protocol, DFR 0.5.0, JSON-LD) of one organization the
// viewer may look up (rule 5), built from what the viewer may query now or at an asOf instant: the
// organization's record and the disclosures about it that rule 8 shows the viewer then. docs/exports.md lists which DFR fields map to
// what and which are left out. The record is not signed: it carries no proof, and its issuer is the
// viewer that exported it, not the facility's operator.
import type { Disclosure } from '../domain/disclosures.ts';
import { quotedText } from '../domain/erased-text.ts';
import type { DisclosureKind } from '../domain/format.ts';
import type { Organization } from '../domain/model.ts';
import type { DisclosureLoaders } from '../modules/disclosures/disclosure-loaders.ts';
import type { OrganizationLoaders } from '../modules/organizations/organization-loaders.ts';
import { exportFilename } from '../domain/export-filename.ts';
import type { ExportFile } from './chain-formats.ts';

const UNTP_DFR_CONTEXT = 'https://test.uncefact.org/vocabulary/untp/dfr/0.5.0/';
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const DFR_MEDIA_TYPE = 'application/ld+json';

/** Tiersight's own ids as a UNTP identifier scheme (they are stable, but only resolvable here). */
const TIERSIGHT_SCHEME = {
  type: ['IdentifierScheme'],
  id: 'urn:tiersight:organization',
  name: 'Tiersight organization id',
};
const OPEN_SUPPLY_HUB_SCHEME = {
  type: ['IdentifierScheme'],
  id: 'https://opensupplyhub.org',
  name: 'Open Supply Hub ID',
};

/** The disclosure kinds that state conformity; plans and improvements state work still to do. */
const CLAIM_KINDS: readonly DisclosureKind[] = ['CERTIFICATE', 'AUDIT_REPORT', 'SELF_ASSESSMENT'];

/** Tiersight's disclosures are about working conditions (specification, section 2, rule 8). */
const CONFORMITY_TOPIC = 'social.labour';

interface FacilityRecordReads {
  viewerId: string;
  loaders: OrganizationLoaders;
  disclosureLoaders: DisclosureLoaders;
}

const tiersightId = (id: string) => `urn:tiersight:organization:${encodeURIComponent(id)}`;

const identifier = (o: Organization) => ({
  type: ['Identifier'],
  id: tiersightId(o.id),
  name: o.name,
  registeredId: o.id,
  idScheme: TIERSIGHT_SCHEME,
});

/** Leaves out the keys whose value is null, so the record never states an unknown as a value. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}

function claim(d: Disclosure) {
  return present({
    type: ['Claim', 'Declaration'],
    id: `urn:tiersight:disclosure:${encodeURIComponent(d.id)}`,
    description: [quotedText(d.title), d.summary].filter((t) => t !== null && t !== '').join(': '),
    conformityTopic: CONFORMITY_TOPIC,
    assessmentDate: d.issuedAt,
    referenceStandard:
      d.standard === null
        ? null
        : present({
            type: ['Standard'],
            name: d.standard,
            issuingParty: d.issuer === null ? null : { type: ['Identifier'], name: d.issuer },
          }),
    conformityEvidence:
      d.documentUrl === null
        ? null
        : present({
            type: d.documentSha256 === null ? ['Link'] : ['SecureLink', 'Link'],
            linkURL: d.documentUrl,
            linkName: d.title,
            linkType: d.kind,
            hashDigest: d.documentSha256,
            hashMethod: d.documentSha256 === null ? null : 'SHA-256',
          }),
  });
}

export function facilityRecord(
  organization: Organization,
  issuer: Organization,
  disclosures: readonly Disclosure[],
  now: Date,
  asOf: Date | null = null,
): Record<string, unknown> {
  const o = organization;
  const osId = o.osId;
  const subject = present({
    type: ['Facility'],
    id:
      osId === null ? tiersightId(o.id) : `https://opensupplyhub.org/facilities/${encodeURIComponent(osId)}`,
    name: o.name,
    registeredId: osId ?? o.id,
    idScheme: osId === null ? TIERSIGHT_SCHEME : OPEN_SUPPLY_HUB_SCHEME,
    otherIdentifier: osId === null ? null : [identifier(o)],
    countryOfOperation: o.country,
    // A production site is operated by someone Tiersight does not record; any other organization
    // operates its own premises.
    operatedByParty: o.type === 'FACTORY' ? null : identifier(o),
    address: present({
      type: ['Address'],
      addressLocality: o.city,
      addressRegion: o.region,
      addressCountry: o.country,
    }),
    locationInformation:
      o.latitude === null || o.longitude === null
        ? null
        : { type: ['Location'], geoLocation: { type: 'Point', coordinates: [o.longitude, o.latitude] } },
    conformityClaim: disclosures.filter((d) => CLAIM_KINDS.includes(d.kind) && !d.expired).map(claim),
  });
  return {
    '@context': [VC_CONTEXT, UNTP_DFR_CONTEXT],
    type: ['DigitalFacilityRecord', 'VerifiableCredential'],
    id: `urn:tiersight:facility-record:${encodeURIComponent(o.id)}:${now.toISOString()}`,
    issuer: { type: ['CredentialIssuer'], id: tiersightId(issuer.id), name: issuer.name },
    validFrom: now.toISOString(),
    name: `Facility record of ${o.name}${asOf === null ? '' : ` as of ${asOf.toISOString()}`}`,
    credentialSubject: subject,
  };
}

/**
 * The record of `organizationId` at `asOf` (null: now), or null when the viewer may not look it up then
 * (rule 5): the same answer for a hidden organization as for one that does not exist.
 */
export async function readFacilityRecord(
  reads: FacilityRecordReads,
  organizationId: string,
  asOf: Date | null,
  now: Date = new Date(),
): Promise<ExportFile | null> {
  const [organization, issuer] = await Promise.all([
    asOf === null
      ? reads.loaders.lookable.load(organizationId)
      : reads.loaders.lookableAt.load({ id: organizationId, asOf }),
    reads.loaders.byId.load(reads.viewerId),
  ]);
  if (organization === null || issuer === null) return null;
  const disclosures = await reads.disclosureLoaders.aboutOf(organization, null, asOf);
  return {
    filename: exportFilename(['facility', organization.id], null, (asOf ?? now).toISOString(), 'jsonld'),
    mediaType: DFR_MEDIA_TYPE,
    content: `${JSON.stringify(facilityRecord(organization, issuer, disclosures, now, asOf), null, 2)}\n`,
  };
}
