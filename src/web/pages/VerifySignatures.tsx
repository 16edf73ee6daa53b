import { Card } from '@mantine/core';
import { SignatureVerifier } from '../../client/SignatureVerifier.tsx';
import { useLang } from '../context.tsx';

/** Staff console: check the digital signatures of any PDF (POST /api/signatures/verify). */
export function VerifySignaturesPage() {
  const { lang, errText } = useLang();
  return (
    <Card withBorder padding="lg" maw={900}>
      <SignatureVerifier lang={lang} endpoint="/signatures/verify" errText={errText} headingLevel={1} />
    </Card>
  );
}
