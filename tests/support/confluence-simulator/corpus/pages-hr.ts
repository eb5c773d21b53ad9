import { code, expand, image, pageLink, panel, status, table, tasks, toc, twoColumns, ul } from './markup.js';
import { mention } from './people.js';
import type { CorpusPage } from './types.js';

/** Seed pages of the HR space (people policies, onboarding, benefits). */
export const HR_PAGES: CorpusPage[] = [
  {
    space: 'HR',
    title: 'Policies',
    author: 'lgarcia',
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2024-01-10T09:00:00.000Z',
    storage: `<p>Every people policy of Northwind Labs lives under this page. Policies are owned by People Operations and reviewed each January.</p>${toc()}<h2>Index</h2>${ul(
      [
        pageLink('Parental Leave Policy', 'Parental Leave Policy'),
        pageLink('Expense Policy', 'Expense Policy'),
        pageLink('Remote Work Policy', 'Remote Work Policy'),
        pageLink('Paid Time Off', 'Paid Time Off'),
      ],
    )}`,
  },
  {
    space: 'HR',
    title: 'Parental Leave Policy',
    parent: 'Policies',
    author: 'lgarcia',
    createdAt: '2024-02-01T10:15:00.000Z',
    updatedAt: '2025-01-15T14:30:00.000Z',
    versions: 4,
    storage: `${toc()}<h2>Summary</h2><p>Northwind Labs offers <strong>16 weeks of paid parental leave</strong> to every employee who becomes a parent through birth, adoption or foster placement, regardless of gender. Leave is paid at 100% of base salary.</p>${panel(
      'info',
      '<p>Leave can start up to 4 weeks before the expected due date and must be taken within 12 months of the birth or placement.</p>',
      'When can I take it?',
    )}<h2>Eligibility</h2>${ul([
      'Full-time and part-time employees with at least 3 months of service.',
      'Contractors are not eligible; check your agency agreement.',
      'Both parents may take the full 16 weeks if both work at Northwind Labs.',
    ])}<h2>How to request leave</h2><ol><li>Tell your manager at least 8 weeks before the planned start date.</li><li>Submit the request in Workday under <em>Time Off &gt; Parental Leave</em>.</li><li>People Operations confirms within 5 working days.</li></ol><h2>Phased return</h2><p>After parental leave you may work 60% of your hours at full pay for the first 4 weeks back. Agree the schedule with your manager.</p>${table(
      [
        ['Leave type', 'Paid weeks', 'Notice'],
        ['Birth parent', '16', '8 weeks'],
        ['Non-birth parent', '16', '8 weeks'],
        ['Adoption / foster', '16', '4 weeks'],
        ['Pregnancy loss', '2', 'none'],
      ],
    )}${panel('note', `<p>Questions? Ask ${mention('lgarcia')} or write to people@northwind.example.</p>`)}`,
  },
  {
    space: 'HR',
    title: 'Expense Policy',
    parent: 'Policies',
    author: 'msmith',
    createdAt: '2024-02-12T08:00:00.000Z',
    updatedAt: '2025-03-03T11:20:00.000Z',
    versions: 3,
    storage: `<h2>Principles</h2><p>Spend company money as if it were your own. Expenses must be business related, reasonable and submitted within <strong>30 days</strong> with a receipt.</p><h2>Limits</h2>${table(
      [
        ['Category', 'Limit', 'Approval'],
        ['Meals while travelling', '75 EUR per day', 'none'],
        ['Hotel', '180 EUR per night', 'manager'],
        ['Home office equipment', '500 EUR per year', 'manager'],
        ['Conference tickets', 'no fixed limit', 'director'],
        ['Client entertainment', '120 EUR per guest', 'director'],
      ],
    )}${panel('warning', '<p>Alcohol is only reimbursed at client dinners. Gifts to public officials are never reimbursed.</p>')}<h2>How to submit</h2><p>Upload the receipt in Expensify, pick the cost centre and add a one-line business reason. Reimbursement is paid with the next payroll run.</p>${expand(
      'Per diem rates abroad',
      table([
        ['Country', 'Per diem'],
        ['Germany', '28 EUR'],
        ['United Kingdom', '45 GBP'],
        ['United States', '70 USD'],
      ]),
    )}`,
  },
  {
    space: 'HR',
    title: 'Remote Work Policy',
    parent: 'Policies',
    author: 'lgarcia',
    createdAt: '2024-03-01T09:30:00.000Z',
    updatedAt: '2024-11-20T16:45:00.000Z',
    versions: 2,
    storage: `<p>Northwind Labs is remote-friendly. You may work from home up to <strong>3 days a week</strong>; teams agree on at least one shared office day.</p><h2>Working abroad</h2><p>You may work from another country for up to 30 days per calendar year. Tell People Operations at least two weeks in advance so that tax and insurance can be checked.</p><h2>Equipment</h2>${ul(
      [
        'A laptop, monitor, keyboard and headset are provided.',
        'Chairs and desks fall under the home office budget in the ' +
          pageLink('Expense Policy', 'Expense Policy') +
          '.',
      ],
    )}${panel('tip', '<p>Use the VPN whenever you work from a public network.</p>')}`,
  },
  {
    space: 'HR',
    title: 'Paid Time Off',
    parent: 'Policies',
    author: 'lgarcia',
    createdAt: '2024-01-20T10:00:00.000Z',
    updatedAt: '2025-01-02T09:00:00.000Z',
    versions: 2,
    storage: `<p>Full-time employees get <strong>28 days of paid vacation</strong> per year plus public holidays of their work location. Unused days carry over until 31 March of the next year.</p><h2>Sick leave</h2><p>Tell your manager on the first day. From the fourth day a doctor's note is required.</p><h2>Volunteering</h2><p>Every employee has 2 paid volunteering days per year.</p>`,
  },
  {
    space: 'HR',
    title: 'Onboarding',
    author: 'pchen',
    createdAt: '2024-01-15T12:00:00.000Z',
    updatedAt: '2025-02-10T08:30:00.000Z',
    versions: 5,
    storage: `${toc()}<h2>Before day one</h2>${tasks([
      { text: 'Sign the contract in DocuSign', done: true },
      { text: 'Send bank details and tax ID to payroll', done: true },
      { text: 'Pick a laptop (MacBook Pro or ThinkPad X1)' },
    ])}<h2>First week</h2>${twoColumns(
      `<h3>Day 1</h3>${ul(['Collect your badge at reception', 'Laptop setup with IT', `Lunch with your buddy (${mention('okoro')} coordinates buddies)`])}`,
      `<h3>Days 2–5</h3>${ul([
        `Set up the VPN: see ${pageLink('VPN Setup Guide', 'VPN Setup Guide', 'OPS')}`,
        `Read the ${pageLink('Engineering Handbook', 'Engineering Handbook', 'ENG')}`,
        'Meet your manager for goals',
      ])}`,
    )}<h2>First 90 days</h2><p>By the end of your probation period you should have shipped one change to production and presented your team's work at a demo day.</p>${image('onboarding-timeline.png')}`,
  },
  {
    space: 'HR',
    title: 'New Hire Checklist',
    parent: 'Onboarding',
    author: 'pchen',
    createdAt: '2024-01-16T12:00:00.000Z',
    updatedAt: '2025-02-10T08:45:00.000Z',
    versions: 3,
    storage: `<p>Managers: copy this checklist for every new hire.</p>${tasks([
      { text: 'Create the Okta account (IT ticket)' },
      { text: 'Add to Slack channels and the team calendar' },
      { text: 'Order business cards if customer facing' },
      { text: 'Assign an onboarding buddy' },
      { text: 'Schedule the 30, 60 and 90 day check-ins' },
    ])}`,
  },
  {
    space: 'HR',
    title: 'Benefits & Perks FAQ',
    author: 'lgarcia',
    createdAt: '2024-04-04T09:00:00.000Z',
    updatedAt: '2025-04-01T10:00:00.000Z',
    versions: 2,
    storage: `<h2>Health insurance</h2><p>Private health insurance covers employees and their families from the first day. The provider is Helvetia Care; the policy number is on your welcome letter.</p><h2>Learning budget</h2><p>Each employee has a learning budget of <strong>1,500 EUR per year</strong> for courses, books and conferences.</p><h2>Public transport</h2><p>The company pays 50% of a monthly public transport pass.</p><h2>Pension</h2><p>Northwind Labs matches pension contributions up to 4% of base salary.</p>`,
  },
  {
    space: 'HR',
    title: 'Performance Reviews',
    author: 'msmith',
    createdAt: '2024-05-02T09:00:00.000Z',
    updatedAt: '2024-10-01T09:00:00.000Z',
    storage: `<p>Reviews happen twice a year, in April and October. ${status('Yellow', 'CYCLE OPEN')}</p><ol><li>Self review (one week)</li><li>Peer feedback from three colleagues</li><li>Manager review and calibration</li><li>Conversation and goals for the next half</li></ol>`,
  },
  {
    space: 'HR',
    title: 'Salary Bands 2025',
    author: 'msmith',
    createdAt: '2025-01-05T09:00:00.000Z',
    updatedAt: '2025-01-05T09:00:00.000Z',
    restricted: true,
    storage: `<p>Confidential: salary bands for 2025 by level.</p>${table([
      ['Level', 'Minimum', 'Maximum'],
      ['L3', '58,000 EUR', '72,000 EUR'],
      ['L4', '70,000 EUR', '88,000 EUR'],
      ['L5', '86,000 EUR', '108,000 EUR'],
    ])}`,
  },
  {
    space: 'HR',
    title: 'Code of Conduct',
    author: 'lgarcia',
    createdAt: '2024-01-11T09:00:00.000Z',
    updatedAt: '2024-06-11T09:00:00.000Z',
    storage: `<p>We treat each other with respect. Harassment, discrimination and retaliation are not tolerated.</p><h2>Reporting</h2><p>Report concerns to your manager, People Operations or anonymously through the ethics hotline at ethics.northwind.example.</p>${code('text', 'Ethics hotline: +49 30 1234 5678 (24/7)')}`,
  },
];
