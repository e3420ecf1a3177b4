/**
 * What the packaging tests parse: the fragments assembled into a minimal but complete
 * `<Package>` manifest, read back with saxes (namespace-aware, so an undeclared prefix fails)
 * into a small tree the tests can query.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { foundationNamespace, type OperatorManifestFragments } from '../../lib/packaging/index.js';

export const uapNamespace = 'http://schemas.microsoft.com/appx/manifest/uap/windows10';

export interface ParsedElement {
  uri: string;
  local: string;
  prefix: string;
  attributes: Record<string, string>;
  children: ParsedElement[];
  text: string;
}

/** The fragments in the places the CLI says they go, inside an otherwise ordinary manifest. */
export function assembleManifest(
  fragments: OperatorManifestFragments,
  identity: { name: string; exe: string },
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Package
  xmlns="${foundationNamespace}"
  xmlns:uap="${uapNamespace}"
  ${fragments.namespaces.split('\n').join('\n  ')}>
  <Identity Name="${identity.name}" Publisher="CN=Contoso" Version="1.0.0.0" ProcessorArchitecture="x64" />
  <Properties>
    <DisplayName>Contoso operator app</DisplayName>
    <PublisherDisplayName>Contoso</PublisherDisplayName>
    <Logo>assets\\StoreLogo.png</Logo>
  </Properties>
  <Dependencies>
    <TargetDeviceFamily Name="Windows.Desktop" MinVersion="10.0.19041.0" MaxVersionTested="10.0.26100.0" />
  </Dependencies>
  <Resources>
    <Resource Language="en-US" />
  </Resources>
  <Capabilities>
${fragments.capabilities}
  </Capabilities>
  <Applications>
    <Application Id="App" Executable="${identity.exe.replace(/&/g, '&amp;')}" EntryPoint="Windows.FullTrustApplication">
      <uap:VisualElements DisplayName="Contoso" Description="Contoso" BackgroundColor="transparent"
        Square150x150Logo="assets\\Square150x150Logo.png" Square44x44Logo="assets\\Square44x44Logo.png" />
      <Extensions>
${fragments.applicationExtensions}
      </Extensions>
    </Application>
  </Applications>
  <Extensions>
${fragments.packageExtensions}
  </Extensions>
</Package>
`;
}

/** Parses `xml` namespace-aware; throws on anything saxes finds wrong (unbound prefixes too). */
export function parseXml(xml: string): ParsedElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: ParsedElement[] = [];
  let root: ParsedElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element: ParsedElement = {
      uri: tag.uri,
      local: tag.local,
      prefix: tag.prefix,
      attributes: Object.fromEntries(
        Object.values(tag.attributes)
          .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
          .map((a) => [a.name, a.value]),
      ),
      children: [],
      text: '',
    };
    if (stack.length === 0) root = element;
    else stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** A fragment parsed on its own, its prefixes declared by a wrapper element. */
export function parseFragment(fragment: string, namespaces: string): ParsedElement[] {
  return parseXml(
    `<wrapper xmlns="${foundationNamespace}" ${namespaces.split('\n').join(' ')}>${fragment}</wrapper>`,
  ).children;
}

/** Every element below `element` (and itself), depth first. */
export function allElements(element: ParsedElement): ParsedElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** The child elements at `path` (local names), from `element`. */
export function select(element: ParsedElement, ...path: string[]): ParsedElement[] {
  let level = [element];
  for (const name of path) level = level.flatMap((e) => e.children.filter((c) => c.local === name));
  return level;
}
