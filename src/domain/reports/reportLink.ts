/** The form prefilled with what the citizen was looking at: /report?drug=W078&facility=F123. */
export function reportLink(where: { drug?: string | undefined; facility?: string | undefined }): string {
  const params = new URLSearchParams();
  if (where.drug) params.set('drug', where.drug);
  if (where.facility) params.set('facility', where.facility);
  const query = params.toString();
  return query ? `/report?${query}` : '/report';
}
