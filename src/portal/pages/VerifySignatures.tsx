import { SignatureVerifier } from '../../client/SignatureVerifier.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';
import { ts } from '../../core/i18n/signatures.ts';

/** Portal: anyone checks the digital signatures of a PDF (POST /api/public/signatures/verify, size-limited). */
export function VerifySignaturesPage() {
  const { lang, errText } = useLang();
  useTitle(ts('title', lang));
  return (
    <div className="page">
      <SignatureVerifier lang={lang} endpoint="/public/signatures/verify" errText={errText} headingLevel={1} />
    </div>
  );
}
