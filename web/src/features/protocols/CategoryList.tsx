import type { LadderProtocol } from './protocols.graphql';

interface CategoryListProps {
  readonly protocol: LadderProtocol;
  readonly partnershipName: string;
}

/** The areas of disagreement the protocol names, and what it leaves to other procedures. */
export function CategoryList({ protocol, partnershipName }: CategoryListProps) {
  const headingId = `categories-${protocol.id}`;
  return (
    <section className="protocol-part" aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        Categories of disagreement
      </h3>
      {protocol.categories.length === 0 ? (
        <p className="inset">This protocol names no categories of disagreement.</p>
      ) : (
        <ul className="list list--bullet category-list" aria-label={`Categories of disagreement for ${partnershipName}`}>
          {protocol.categories.map((category) => (
            <li key={category.code}>{category.label}</li>
          ))}
        </ul>
      )}
      {protocol.outOfScope.length > 0 ? (
        <>
          <h4 className="heading-s">Handled under other procedures</h4>
          <ul className="list list--bullet">
            {protocol.outOfScope.map((matter) => (
              <li key={matter}>{matter}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
