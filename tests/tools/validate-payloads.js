#!/usr/bin/env node
// Validates what the bot sends with the libraries the clients themselves use, offline:
//   Adaptive Cards: the adaptivecards package (the renderer of Web Chat and the Emulator) parses each
//     card at its declared version; every SerializationContext event and every validateProperties()
//     event is reported.
//   Teams app manifests: @microsoft/app-manifest validates each against the schema of its
//     manifestVersion, bundled in the package.
// Usage: node validate-payloads.js input.json
//   input.json: { "cards": [{ "name": "...", "card": { ... } }], "manifests": [{ "name": "...", "path": "manifest.json" }] }
// Prints: { "cards": [{ "name", "version", "events": [...] }], "manifests": [{ "name", "errors": [...] }] }
'use strict';

const fs = require('fs');
const AC = require('adaptivecards/dist/adaptivecards.js');
const { ManifestUtil } = require('@microsoft/app-manifest');

function describe(event) {
  return `${event.message} (event ${event.event}, phase ${event.phase})`;
}

function validateCard(json) {
  const version = AC.Version.parse(json.version, new AC.SerializationContext());
  const context = new AC.SerializationContext(version);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push('parse: ' + describe(context.getEventAt(i)));
  }
  for (const event of card.validateProperties().validationEvents) {
    events.push('validate: ' + describe(event));
  }
  return { version: version ? version.toString() : null, events };
}

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const output = { cards: [], manifests: [] };
  for (const { name, card } of input.cards || []) {
    output.cards.push({ name, ...validateCard(card) });
  }
  for (const { name, path } of input.manifests || []) {
    const [, errors] = await ManifestUtil.loadAndValidateFromPath(path);
    output.manifests.push({ name, errors });
  }
  process.stdout.write(JSON.stringify(output));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
